package app.characters.infra.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server run by the service itself. With a data directory its data survives restarts and
 * crashes (fsync and synchronous commit on, as PostgreSQL has them by default; minimal WAL); without one (tests) it
 * lives in a temporary directory that is removed when it stops, and skips the waits for the disk.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            // stopped by whoever opened it (the service's context, last of all), never by a shutdown hook of its
            // own that would race the service's: streaming projections release their claims on the way out
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                // the library starts PostgreSQL as for a throwaway test database, fsync and synchronous commit off:
                // data that is kept gets PostgreSQL's own durable defaults back, so that no acknowledged change waits
                // in memory for a crash of PostgreSQL or of the machine to lose it. Minimal WAL, as a server that feeds
                // no replica needs: as safe from crashes, and a restore or rebuild writes its tables without logging them
                // row by row
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("wal_level", "minimal")
                        .setServerConfig("max_wal_senders", "0");
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start"
                    + (dataDirectory == null ? "" : " on " + dataDirectory + " (is another process using it?)")
                    + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start"
                    + (dataDirectory == null ? "" : " on " + dataDirectory + " (is another process using it?)"), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
