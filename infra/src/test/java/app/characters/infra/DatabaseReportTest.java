package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.database.DatabaseReport;
import app.characters.infra.database.DatabaseSettings;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** What {@code db migrate} and {@code db info} do, against a real embedded PostgreSQL. */
class DatabaseReportTest {

    @Test
    void migrateThenInfoShowsTheSchemaVersionAndPoolWithoutAnyPassword() {
        DatabaseSettings embedded = DatabaseSettings.from(Map.of("DB_POOL_SIZE", "3")::get);
        try (DatabaseConnection connection = DatabaseConnection.open(embedded, null)) {
            Flyway flyway = DatabaseReport.flyway(connection);
            assertThat(DatabaseReport.of(connection, flyway).schemaVersion()).isEqualTo("none");

            flyway.migrate();

            DatabaseReport report = DatabaseReport.of(connection, flyway);
            assertThat(report.type()).isEqualTo("EMBEDDED");
            assertThat(report.pendingMigrations()).isZero();
            assertThat(report.schemaVersion()).isEqualTo(
                    flyway.info().all()[flyway.info().all().length - 1].getVersion().getVersion());
            assertThat(report.pool().maximumSize()).isEqualTo(3);
            assertThat(report.toText()).contains("EMBEDDED", "pool size:          3");

            String secret = "s3cret-Pa55";
            connection.dataSource().getConnection().createStatement()
                    .execute("alter user postgres with password '" + secret + "'");
            String url = connection.settings().jdbcUrl().replace("?user=postgres", "");
            DatabaseSettings external = DatabaseSettings.from(Map.of("DATABASE_URL", url + "?user=postgres&password=" + secret)::get);
            try (DatabaseConnection second = DatabaseConnection.open(external, null)) {
                DatabaseReport viaUrl = DatabaseReport.of(second, DatabaseReport.flyway(second));
                assertThat(viaUrl.type()).isEqualTo("EXTERNAL");
                assertThat(viaUrl.schemaVersion()).isEqualTo(report.schemaVersion());
                assertThat(viaUrl.toString() + viaUrl.toText()).doesNotContain(secret).contains("password=****");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
