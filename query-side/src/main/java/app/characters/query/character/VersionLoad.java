package app.characters.query.character;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The version rows of a whole rebuild, streamed by one binary COPY on a connection of their own. PostgreSQL
 * stores them while the rebuild folds the next events, instead of the rebuild waiting for each batch of them:
 * they are most of what a rebuild writes. The load empties the version table in its own transaction, so the
 * rows go in frozen and, on a server that keeps minimal WAL (the embedded one), skip the WAL: the commit writes
 * the table to disk whole (past {@code wal_skip_threshold}, 2 MB by default; a smaller load is logged at commit).
 * Readers of versions wait meanwhile, as writers of events wait for the whole rebuild. The rows become visible
 * when {@link #finish()} commits; closed before that, nothing of them is kept.
 * <p>
 * The table's indexes (its primary key among them) are dropped in that transaction and built again before the
 * commit ({@link DeferredIndexes}); a duplicate row fails the rebuild there.
 * <p>
 * A rebuild hands it to the character projection as a resource of each unit of work, under {@link #RESOURCE}.
 */
public final class VersionLoad implements AutoCloseable {

    public static final String RESOURCE = VersionLoad.class.getName();

    private final Connection connection;
    private final VersionCopy copy;
    private final DeferredIndexes indexes;

    private VersionLoad(Connection connection, DeferredIndexes indexes) throws SQLException {
        this.connection = connection;
        this.indexes = indexes;
        this.copy = new VersionCopy(connection, true);
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
                return new VersionLoad(connection, DeferredIndexes.drop(connection, "character_version"));
            }
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
             byte[] state) {
        copy.add(characterId, version, eventType, occurredAt, actorId, summary, state);
    }

    /** Ends the copy, builds the indexes again and commits; answers how many rows it wrote. */
    public long finish() throws SQLException {
        long count = copy.finish();
        indexes.build();
        connection.commit();
        return count;
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            copy.close();
            connection.rollback(); // nothing left to roll back after finish()
        }
    }
}
