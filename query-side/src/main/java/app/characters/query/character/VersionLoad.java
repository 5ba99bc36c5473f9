package app.characters.query.character;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The table's indexes (its primary key among them) are dropped in that transaction and built again, each by one
 * sort, before the commit: kept up to date row by row, they cost PostgreSQL more than the rows themselves. Nobody
 * sees the table without them, as nobody sees it at all until the commit; a duplicate row fails the rebuild there.
 * <p>
 * A rebuild hands it to the character projection as a resource of each unit of work, under {@link #RESOURCE}.
 */
public final class VersionLoad implements AutoCloseable {

    public static final String RESOURCE = VersionLoad.class.getName();

    /** An index of the version table as the catalogue defines it; {@code constraint} names the constraint it backs. */
    private record Index(String name, String definition, String constraint, String constraintDefinition) {

        String drop() {
            return constraint == null ? "drop index " + name : "alter table character_version drop constraint " + constraint;
        }

        String create() {
            return constraint == null ? definition
                    : "alter table character_version add constraint " + constraint + " " + constraintDefinition;
        }
    }

    private final Connection connection;
    private final VersionCopy copy;
    private final List<Index> indexes;

    private VersionLoad(Connection connection, List<Index> indexes) throws SQLException {
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
                List<Index> indexes = indexes(statement);
                for (Index index : indexes) {
                    statement.execute(index.drop());
                }
                return new VersionLoad(connection, indexes);
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
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '256MB'");
            for (Index index : indexes) {
                statement.execute(index.create());
            }
        }
        connection.commit();
        return count;
    }

    private static List<Index> indexes(Statement statement) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                select quote_ident(i.relname), pg_get_indexdef(i.oid), quote_ident(c.conname), pg_get_constraintdef(c.oid)
                from pg_index x join pg_class i on i.oid = x.indexrelid
                left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
                where x.indrelid = 'character_version'::regclass order by c.conname is null, i.relname""")) {
            while (rows.next()) {
                indexes.add(new Index(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return indexes;
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            copy.close();
            connection.rollback(); // nothing left to roll back after finish()
        }
    }
}
