package app.characters.query.character;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's indexes, its primary key and unique constraints among them, dropped for a bulk load and built again,
 * each by one sort, before the load commits: kept up to date row by row they cost PostgreSQL more than the rows.
 * Only for a table the load's transaction emptied, which holds it locked until the commit: nobody sees the table
 * without its indexes, and a row that breaks a unique one fails the statement that builds it again, in the same
 * transaction, whose rollback brings the old table back whole.
 */
public final class DeferredIndexes {

    /** An index as the catalogue defines it; {@code constraint} names the constraint it backs. */
    private record Index(String name, String definition, String constraint, String constraintDefinition) {
    }

    private final Connection connection;
    private final String table;
    private final List<Index> indexes;

    private DeferredIndexes(Connection connection, String table, List<Index> indexes) {
        this.connection = connection;
        this.table = table;
        this.indexes = indexes;
    }

    /** Drops every index of the table (a name of this service's schema, never input) in the connection's transaction. */
    public static DeferredIndexes drop(Connection connection, String table) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select quote_ident(i.relname), pg_get_indexdef(i.oid), quote_ident(c.conname), pg_get_constraintdef(c.oid)
                from pg_index x join pg_class i on i.oid = x.indexrelid
                left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
                where x.indrelid = ?::regclass order by c.conname is null, i.relname""")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    indexes.add(new Index(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (Index index : indexes) {
                statement.execute(index.constraint() == null ? "drop index " + index.name()
                        : "alter table " + table + " drop constraint " + index.constraint());
            }
        }
        return new DeferredIndexes(connection, table, indexes);
    }

    /** Builds every dropped index again, as it was, in the same transaction. */
    public void build() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '256MB'");
            for (Index index : indexes) {
                statement.execute(index.constraint() == null ? index.definition()
                        : "alter table " + table + " add constraint " + index.constraint() + " " + index.constraintDefinition());
            }
        }
    }
}
