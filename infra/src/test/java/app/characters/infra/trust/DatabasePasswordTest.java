package app.characters.infra.trust;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.CharacterService;
import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.database.DatabaseSettings;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database password, given in {@code DATABASE_URL}, stays out of everything the service shows:
 * its settings' text, {@code /actuator/info}, every answer and the log, from start to stop.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabasePasswordTest {

    private static final String SECRET = "dbSecret" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void settingsReadFromAUrlWithAPasswordNeverShowIt() {
        List<DatabaseSettings> all = List.of(
                DatabaseSettings.from(Map.of("DATABASE_URL", "postgres://app:" + SECRET + "@db.example.com:5432/rpg")::get),
                DatabaseSettings.from(Map.of("DATABASE_URL", "postgresql://app:" + SECRET + "@db.example.com/rpg?sslmode=require")::get),
                DatabaseSettings.from(Map.of("DATABASE_URL",
                        "jdbc:postgresql://db.example.com/rpg?user=app&password=" + SECRET + "&ssl=true")::get),
                DatabaseSettings.from(Map.of("DATABASE_URL", "jdbc:postgresql://db.example.com/rpg?PASSWORD=" + SECRET)::get),
                DatabaseSettings.from(Map.of("DATABASE_URL", "jdbc:postgresql://db.example.com/rpg",
                        "DB_USER", "app", "DB_PASSWORD", SECRET)::get),
                DatabaseSettings.from(Map.of("DB_HOST", "db.example.com", "DB_PASSWORD", SECRET)::get));

        for (DatabaseSettings settings : all) {
            assertThat(settings.maskedUrl()).doesNotContain(SECRET).doesNotContainPattern("(?i)password=(?!\\*\\*\\*\\*)");
            assertThat(settings.toString()).doesNotContain(SECRET);
            assertThat(settings.password() != null || settings.jdbcUrl().contains(SECRET))
                    .as("the password is kept to connect with: %s", settings).isTrue();
        }
        assertThat(all.get(2).maskedUrl()).contains("password=****");
    }

    @Test
    void theServiceOnADatabaseWithAPasswordNeverShowsIt(CapturedOutput output) throws SQLException {
        List<String> answers = new ArrayList<>();
        try (DatabaseConnection postgres = DatabaseConnection.open(DatabaseSettings.from(name -> null), null)) {
            try (Connection connection = postgres.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("alter user postgres with password '" + SECRET + "'");
            }
            String url = postgres.settings().jdbcUrl() + (postgres.settings().jdbcUrl().contains("?") ? "&" : "?")
                    + "password=" + SECRET;

            try (ConfigurableApplicationContext service = CharacterService.start("--DATABASE_URL=" + url,
                    "--server.port=0", "--DB_POOL_SIZE=4", "--MAIL_OUTBOX_DIR=target/test-outbox")) {
                Api api = new Api("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort());
                DatabaseSettings settings = service.getBean(DatabaseSettings.class);
                assertThat(settings.type()).isEqualTo(DatabaseSettings.Type.EXTERNAL);
                assertThat(settings.jdbcUrl()).contains(SECRET);
                assertThat(settings.toString()).doesNotContain(SECRET);

                Answer info = api.get("/actuator/info", null);
                assertThat(info.status()).isEqualTo(200);
                assertThat(info.body().path("database").path("url").asText()).endsWith("password=****");
                assertThat(info.response().body()).doesNotContainPattern("(?i)password=(?!\\*\\*\\*\\*)");
                answers.add(info.response().body());
                answers.add(api.get("/actuator/health", null).response().body());
                User user = api.signUp();
                Answer created = api.createCharacter(user, "Behind a password");
                answers.add(created.response().body());
                answers.add(api.get("/api/v1/characters/" + created.id(), user.token()).response().body());
                answers.add(api.get("/api/v1/no-such-thing", null).response().body());
            }
        }

        assertThat(answers).noneMatch(answer -> answer.contains(SECRET));
        assertThat(output.getAll()).as("the log from start to stop").contains("Started").doesNotContain(SECRET);
    }
}
