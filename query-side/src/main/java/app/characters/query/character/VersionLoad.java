package app.characters.query.character;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The version rows of a whole rebuild, streamed by one binary COPY on a connection of their own. PostgreSQL
 * stores them while the rebuild folds the next events, instead of the rebuild waiting for each batch of them:
 * they are most of what a rebuild writes. The load empties the version table in its own transaction, so the
 * rows go in frozen and, on a server that keeps minimal WAL (the embedded one), skip the WAL: the commit writes
 * the table to disk whole (past {@code wal_skip_threshold}, 2 MB by default; a smaller load is logged at commit). Readers of versions wait meanwhile, as writers of events wait for the whole rebuild.
 * The rows become visible when {@link #finish()} commits; closed before that, nothing of them is kept.
 * <p>
 * A rebuild hands it to the character projection as a resource of each unit of work, under {@link #RESOURCE}.
 */
public final class VersionLoad implements AutoCloseable {

    public static final String RESOURCE = VersionLoad.class.getName();

    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z

    private final Connection connection;
    private final PGCopyOutputStream copy;
    private final DataOutputStream out;
    private long count;

    private VersionLoad(Connection connection) throws SQLException {
        this.connection = connection;
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), """
                copy character_version (character_id, version, event_type, occurred_at, actor_id, summary, state)
                from stdin with (format binary, freeze)""", 1 << 16);
        this.out = new DataOutputStream(copy); // the copy stream buffers: nothing in between
        try {
            out.write(COPY_HEADER);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Empties the version table and starts the copy, in a transaction of its own; a rebuild cut short is run again,
     * so its commit need not wait for the disk.
     */
    public static VersionLoad open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local synchronous_commit = off");
                statement.execute("truncate character_version");
            }
            return new VersionLoad(connection);
        } catch (SQLException | RuntimeException e) {
            try (connection) {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    void add(UUID characterId, long version, String eventType, Instant occurredAt, UUID actorId, String summary,
             String state) {
        try {
            out.writeShort(7);
            uuid(characterId);
            out.writeInt(8);
            out.writeLong(version);
            text(eventType);
            out.writeInt(8);
            out.writeLong(postgresMicros(occurredAt));
            uuid(actorId);
            text(summary);
            text(state);
            count++;
        } catch (IOException e) {
            throw new IllegalStateException(failure(e).getMessage(), e);
        }
    }

    /** Ends the copy and commits it; answers how many rows it wrote. */
    public long finish() throws SQLException {
        try {
            out.writeShort(-1);
        } catch (IOException e) {
            throw failure(e);
        }
        copy.endCopy();
        connection.commit();
        return count;
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            connection.rollback(); // nothing left to roll back after finish()
        }
    }

    /**
     * Microseconds since PostgreSQL's epoch, the nanoseconds rounded half up as the driver rounds those of a
     * {@link java.sql.Timestamp}, so that a rebuilt row has the very time that the live projection's insert stored.
     */
    static long postgresMicros(Instant instant) {
        return (instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000 + (instant.getNano() + 500) / 1_000;
    }

    private void uuid(UUID value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(16);
            out.writeLong(value.getMostSignificantBits());
            out.writeLong(value.getLeastSignificantBits());
        }
    }

    private void text(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static SQLException failure(IOException e) {
        return new SQLException("copying the version rows failed: " + e.getMessage(), e);
    }
}
