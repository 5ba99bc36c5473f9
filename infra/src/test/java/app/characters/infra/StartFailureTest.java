package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.characters.infra.cli.Cli;
import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.database.DatabaseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A service that cannot start says why in Spring Boot's short report, naming what to correct, with no stack trace,
 * and the command line's last line carries the reason, not the layer that happened to notice it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartFailureTest {

    private static DatabaseConnection postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = DatabaseConnection.open(DatabaseSettings.from(name -> null), null);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void aDatabaseThatRefusesTheLoginIsReportedWithItsReason(CapturedOutput output) {
        String url = postgres.settings().jdbcUrl() + (postgres.settings().jdbcUrl().contains("?") ? "&" : "?")
                + "user=no_such_role&password=notTheSecret42";

        Throwable failure = catchThrowable(() -> CharacterService.start("--DATABASE_URL=" + url, "--server.port=0",
                "--MAIL_OUTBOX_DIR=target/test-outbox"));

        assertThat(failure).isNotNull();
        assertThat(Cli.reason(failure)).contains("no_such_role").doesNotContain("web server");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "The database could not be reached",
                "no_such_role", "Check DATABASE_URL").doesNotContain("notTheSecret42").doesNotContain("\tat ");
    }

    @Test
    void aBackupScheduleThatIsNoCronExpressionIsNamed(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> CharacterService.start("--DATABASE_URL=" + postgres.settings().jdbcUrl(),
                "--server.port=0", "--MAIL_OUTBOX_DIR=target/test-outbox", "--app.backup.schedule=every day"));

        assertThat(failure).isNotNull();
        assertThat(Cli.reason(failure)).contains("BACKUP_SCHEDULE");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "BACKUP_SCHEDULE must be a cron expression")
                .doesNotContain("\tat ");
    }
}
