package app.characters.infra.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** What {@code db info} and {@code /actuator/info} show of the database; never a password. */
public record DatabaseReport(String type, String url, String username, String serverVersion, String schemaVersion,
                             int pendingMigrations, DatabaseSettings.Pool pool) {

    public static DatabaseReport of(DatabaseConnection connection, Flyway flyway) {
        DatabaseSettings settings = connection.settings();
        MigrationInfo current = flyway.info().current();
        return new DatabaseReport(settings.type().name(), settings.maskedUrl(), settings.username(),
                serverVersion(connection), current == null ? "none" : current.getVersion().getVersion(),
                flyway.info().pending().length, settings.pool());
    }

    public static Flyway flyway(DatabaseConnection connection) {
        return Flyway.configure().dataSource(connection.dataSource()).locations("classpath:db/migration").load();
    }

    private static String serverVersion(DatabaseConnection connection) {
        try (Connection c = connection.dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unreachable";
        }
    }

    public String toText() {
        return String.join(System.lineSeparator(),
                "type:               " + type,
                "url:                " + url,
                "username:           " + username,
                "server:             " + serverVersion,
                "schema version:     " + schemaVersion + (pendingMigrations > 0 ? " (" + pendingMigrations + " pending)" : ""),
                "pool size:          " + pool.maximumSize() + " (min idle " + pool.minimumIdle() + ")",
                "connection timeout: " + pool.connectionTimeout().toMillis() + " ms",
                "idle timeout:       " + pool.idleTimeout().toMillis() + " ms",
                "max lifetime:       " + pool.maxLifetime().toMillis() + " ms");
    }
}
