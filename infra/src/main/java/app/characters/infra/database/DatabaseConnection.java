package app.characters.infra.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/**
 * A pooled connection to the configured database, starting the embedded server first when no
 * external one is configured. Shared by the service and the command line.
 */
public final class DatabaseConnection implements AutoCloseable {

    private final DatabaseSettings settings;
    private final EmbeddedDatabase embedded;
    private final HikariDataSource dataSource;

    private DatabaseConnection(DatabaseSettings settings, EmbeddedDatabase embedded, HikariDataSource dataSource) {
        this.settings = settings;
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    /** Opens the pool; {@code embeddedDataDir} null means a throw-away embedded database. */
    public static DatabaseConnection open(DatabaseSettings configured, Path embeddedDataDir) {
        EmbeddedDatabase embedded = null;
        DatabaseSettings settings = configured;
        if (configured.type() == DatabaseSettings.Type.EMBEDDED) {
            embedded = EmbeddedDatabase.start(embeddedDataDir);
            settings = configured.at(embedded.jdbcUrl());
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("characters");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.pool().maximumSize());
        config.setMinimumIdle(settings.pool().minimumIdle());
        config.setConnectionTimeout(settings.pool().connectionTimeout().toMillis());
        config.setIdleTimeout(settings.pool().idleTimeout().toMillis());
        config.setMaxLifetime(settings.pool().maxLifetime().toMillis());
        // a JDBC batch of inserts goes as multi-row inserts: what makes rebuilds, restores and seeds quick
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            return new DatabaseConnection(settings, embedded, new HikariDataSource(config));
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
