package app.characters.infra.eventstore;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes stored events verbatim into the event store: restore and seed both come through here.
 *
 * <p>{@link #insert} takes a batch at a time, copies it (binary COPY) into a temporary table, then
 * inserts it in its order with {@code on conflict do nothing}, so an event already in the store (same
 * identifier, or same aggregate and sequence number) is skipped and the caller learns which events
 * were new. Events with a global index keep it; events without one draw the next from the store's
 * sequence. A restore, which goes into an empty store, has no use for that and takes the shorter way
 * of {@link #copy}: one COPY straight into the store, PostgreSQL storing rows while more arrive.
 *
 * <p>The caller owns the transaction; each batch holds {@link AppendLock}'s shared lock in it, as a
 * command does.
 */
public final class EventImport {

    static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private final Connection connection;

    public EventImport(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("an import runs inside the caller's transaction: autocommit must be off");
        }
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table if not exists event_import (ord bigint not null, "
                    + "global_index bigint, event_identifier varchar(255), aggregate_identifier varchar(255), "
                    + "sequence_number bigint, type varchar(255), time_stamp varchar(255), payload_type varchar(255), "
                    + "payload_revision varchar(255), payload bytea, meta_data bytea) on commit delete rows");
        }
    }

    /** Inserts the batch in its order; answers the identifiers of the events that were not in the store yet. */
    public Set<String> insert(List<StoredEvent> batch) throws SQLException {
        if (batch.isEmpty()) {
            return Set.of();
        }
        boolean keepIndexes = batch.get(0).globalIndex() != null;
        for (StoredEvent event : batch) {
            if ((event.globalIndex() != null) != keepIndexes) {
                throw new IllegalArgumentException("a batch either keeps every global index or draws every one");
            }
        }
        AppendLock.holdShared(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate event_import");
        }
        copy(batch);
        String target = keepIndexes ? "global_index, " + COLUMNS : COLUMNS;
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (" + target
                + ") select " + target + " from event_import order by ord on conflict do nothing returning event_identifier");
             ResultSet rows = insert.executeQuery()) {
            while (rows.next()) {
                inserted.add(rows.getString(1));
            }
        }
        return inserted;
    }

    /**
     * Starts one binary COPY of events straight into the event store, global indexes and all: for a
     * restore into an empty store that the caller has locked against writers and truncated in the same
     * transaction. The rows go in frozen, as if vacuumed already: the rebuild that reads them next has no
     * commit status to look up and write back into every page. Nothing is held back in
     * memory; an event the store already has (same global index, identifier, or aggregate and sequence
     * number) fails the whole copy, at {@link Copy#finish()} at the latest. Like every import it holds
     * {@link AppendLock}'s shared lock in the caller's transaction.
     */
    public static Copy copy(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("an import runs inside the caller's transaction: autocommit must be off");
        }
        AppendLock.holdShared(connection);
        return new Copy(new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy domain_event_entry (global_index, " + COLUMNS + ") from stdin with (format binary, freeze)", 1 << 16));
    }

    /** A COPY into the event store under way; closed before {@link #finish()}, it is cancelled and writes nothing. */
    public static final class Copy implements AutoCloseable {
        private final PGCopyOutputStream copy;
        private final DataOutputStream out;
        private long count;

        private Copy(PGCopyOutputStream copy) throws SQLException {
            this.copy = copy;
            // the copy stream buffers, unsynchronized: no buffer in between
            this.out = new DataOutputStream(copy);
            try {
                out.write(COPY_HEADER);
                out.writeInt(0);
                out.writeInt(0);
            } catch (IOException e) {
                throw new SQLException("copying events into the store failed: " + e.getMessage(), e);
            }
        }

        public void add(StoredEvent event) throws IOException {
            if (event.globalIndex() == null) {
                throw new IllegalArgumentException("a copy keeps the global indexes: the event has none");
            }
            out.writeShort(10);
            columns(out, event);
            count++;
        }

        /** Ends the copy; answers how many events it wrote. */
        public long finish() throws SQLException {
            try {
                out.writeShort(-1);
            } catch (IOException e) {
                throw new SQLException("copying events into the store failed: " + e.getMessage(), e);
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
    }

    /** Moves the sequence past the highest global index, so that the service's next event follows the restored ones. */
    public static void advanceSequence(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                    + "greatest(max(global_index), 1), max(global_index) is not null) from domain_event_entry");
        }
    }

    private void copy(List<StoredEvent> batch) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new PGCopyOutputStream(pg, "copy event_import (ord, global_index, " + COLUMNS
                        + ") from stdin with (format binary)"), 1 << 16))) {
            out.write(COPY_HEADER);
            out.writeInt(0);
            out.writeInt(0);
            long ord = 0;
            for (StoredEvent event : batch) {
                out.writeShort(11);
                bigint(out, ord++);
                columns(out, event);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new SQLException("copying events into the store failed: " + e.getMessage(), e);
        }
    }

    /** The columns of the event store, global index first, in the binary COPY format. */
    private static void columns(DataOutputStream out, StoredEvent event) throws IOException {
        bigint(out, event.globalIndex());
        text(out, event.eventIdentifier());
        text(out, event.aggregateIdentifier());
        bigint(out, event.sequenceNumber());
        text(out, event.type());
        text(out, event.timeStamp());
        text(out, event.payloadType());
        text(out, event.payloadRevision());
        bytes(out, event.payload());
        bytes(out, event.metaData());
    }

    private static void bigint(DataOutputStream out, Long value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(8);
            out.writeLong(value);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
