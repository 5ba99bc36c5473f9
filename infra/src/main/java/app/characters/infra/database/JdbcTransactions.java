package app.characters.infra.database;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions on plain JDBC, for everything that writes: Axon's (a command's, a streaming projection's batch,
 * tokens, dead letters, snapshots), a password reset's, a rebuild's and a seed's batches. Every statement they run
 * goes through JDBC, so none of them opens a Hibernate session. They must all be of this one kind: a JDBC transaction
 * begun inside a JPA one takes over its connection and commits it on its own, where one begun inside another JDBC
 * transaction joins it. Spring's transaction manager bean stays JPA's, for the repositories' reads.
 */
@Component
public class JdbcTransactions {

    private final DataSourceTransactionManager manager;

    JdbcTransactions(DataSource dataSource) {
        this.manager = new DataSourceTransactionManager(dataSource);
    }

    public PlatformTransactionManager manager() {
        return manager;
    }

    /** A template for one unit of work; a caller already in a JDBC transaction joins it. */
    public TransactionTemplate template() {
        return new TransactionTemplate(manager);
    }
}
