package app.characters.query.character;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Version rows going into {@code character_version} by one binary COPY on the caller's connection, in its
 * transaction: the rows of a batch of events, or all of a rebuild's ({@link VersionLoad}). Binary rows cost
 * PostgreSQL less to take in than text ones and need no escaping. Closed before {@link #finish()}, the copy is
 * cancelled and writes nothing.
 */
final class VersionCopy implements AutoCloseable {

    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z

    private final PGCopyOutputStream copy;
    private final DataOutputStream out;
    private long count;

    /** {@code frozen}: the rows go in frozen, for a table the transaction has just emptied. */
    VersionCopy(Connection connection, boolean frozen) throws SQLException {
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), """
                copy character_version (character_id, version, event_type, occurred_at, actor_id, summary, state)
                from stdin with (format binary%s)""".formatted(frozen ? ", freeze" : ""), 1 << 16);
        this.out = new DataOutputStream(copy); // the copy stream buffers: nothing in between
        try {
            out.write(COPY_HEADER);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    void add(UUID characterId, long version, String eventType, Instant occurredAt, UUID actorId, String summary,
             byte[] state) {
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
            bytes(state);
            count++;
        } catch (IOException e) {
            throw new IllegalStateException(failure(e).getMessage(), e);
        }
    }

    /** Ends the copy; answers how many rows it wrote. */
    long finish() throws SQLException {
        try {
            out.writeShort(-1);
        } catch (IOException e) {
            throw failure(e);
        }
        copy.endCopy();
        return count;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /**
     * Microseconds since PostgreSQL's epoch, the nanoseconds rounded half up as the driver rounds those of a
     * {@link java.sql.Timestamp}, so that a copied row has the very time that a single insert stores.
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
        bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A field's bytes; {@code null} is SQL null. */
    private void bytes(byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static SQLException failure(IOException e) {
        return new SQLException("copying the version rows failed: " + e.getMessage(), e);
    }
}
