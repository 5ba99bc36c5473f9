package app.characters.infra.eventstore;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads stored events in global index order, in constant memory for any number: through a server-side
 * cursor ({@link #read}), or as one stream of binary COPY ({@link #copy}).
 */
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

    /**
     * Streams the events with {@code after < global_index <= through}, like {@link #read}, through one
     * {@code COPY ... TO STDOUT (FORMAT binary)}: PostgreSQL sends rows while the sink works, instead of
     * waiting for the next fetch of a cursor, and a row arrives as its bytes, with nothing to convert.
     * The connection is busy with the copy until it ends, so the sink must not use it. The copy runs
     * in the connection's transaction and sees its snapshot. A sink answering false cancels the copy,
     * which leaves the transaction failed. Answers how many events were taken.
     */
    public static long copy(Connection connection, long after, long through, Sink sink) throws Exception {
        String query = "copy (select " + COLUMNS + " from domain_event_entry where global_index > " + after
                + " and global_index <= " + through + " order by global_index) to stdout with (format binary)";
        long count = 0;
        try (PGCopyInputStream copy = new PGCopyInputStream(connection.unwrap(PGConnection.class), query)) {
            // the copy stream holds a row at a time and is not synchronized: another buffer would only add a copy
            DataInputStream in = new DataInputStream(copy);
            in.skipNBytes(EventImport.COPY_HEADER.length + 4); // signature and flags
            in.skipNBytes(in.readInt()); // header extension
            for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
                if (fields != 10) {
                    throw new IOException("a row of the copy has " + fields + " columns, expected 10");
                }
                count++;
                StoredEvent event = new StoredEvent(bigint(in), text(in), text(in), bigint(in), text(in), text(in),
                        text(in), text(in), bytes(in), bytes(in));
                if (!sink.accept(event)) {
                    return count; // closing the copy before its end cancels it
                }
            }
            if (in.read() != -1) { // reading on to the end of the copy also ends the command on the connection
                throw new IOException("the copy goes on after its trailer");
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

    private static Long bigint(DataInputStream in) throws IOException {
        return in.readInt() < 0 ? null : in.readLong();
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] bytes = bytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static StoredEvent event(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
    }
}
