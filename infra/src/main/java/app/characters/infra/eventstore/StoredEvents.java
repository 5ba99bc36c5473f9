package app.characters.infra.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/** Reads stored events in global index order through a server-side cursor: constant memory for any number. */
public final class StoredEvents {

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /** Takes events one by one; false stops the reading. */
    @FunctionalInterface
    public interface Sink {
        boolean accept(StoredEvent event) throws Exception;
    }

    private StoredEvents() {
    }

    /**
     * Streams the events with {@code after < global_index <= through}. The connection must be outside
     * autocommit, or PostgreSQL sends the whole result at once. Answers how many events were taken.
     */
    public static long read(Connection connection, long after, long through, Sink sink) throws Exception {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("a cursor needs a transaction: autocommit must be off");
        }
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from domain_event_entry where global_index > ? and global_index <= ? order by global_index")) {
            // binary transfer of bytea from the first execution: half the bytes of the hex text form
            select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            select.setFetchSize(1_000);
            select.setLong(1, after);
            select.setLong(2, through);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    count++;
                    if (!sink.accept(event(rows))) {
                        break;
                    }
                }
            }
        }
        return count;
    }

    /** The highest global index the connection's snapshot sees, 0 for an empty store. */
    public static long highestIndex(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select coalesce(max(global_index), 0) from domain_event_entry");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static StoredEvent event(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
    }
}
