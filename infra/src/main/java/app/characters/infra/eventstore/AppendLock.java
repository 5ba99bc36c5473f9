package app.characters.infra.eventstore;

import app.characters.infra.axon.BatchingCommandBus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes "every event up to global index N" a fact that no later commit can change.
 *
 * <p>{@code global_index} is a BIGSERIAL: a transaction draws its index when it inserts and may
 * commit after a transaction that drew a higher one. A snapshot can therefore see index 120 while
 * 118 is still uncommitted; a backup that then says "everything through 120" would lose 118 for
 * good, as the next incremental backup starts after 120.
 *
 * <p>So every transaction that appends events holds {@code pg_advisory_xact_lock_shared(KEY)} from
 * before its first insert until it ends. The insert takes it itself (a trigger on {@code domain_event_entry}, migration
 * V25), whatever sends it. A command's transaction takes it sooner, through the interceptor registered here, before
 * its handler runs (Axon's SimpleCommandBus attaches the transaction before it runs the interceptors, so the lock
 * lives exactly as long as the command's transaction): a registration claims its name before its event is
 * appended, and a rebuild refills the claims while it holds the lock. A batch of changes to characters leaves it to
 * its append, which is the first thing its transaction writes, and saves the round trip. Imports take it by
 * calling {@link #holdShared(Connection)}. Writers never wait for one another on a shared lock. A backup
 * takes the same key exclusively on a second connection, which waits until every transaction
 * holding an index has committed or rolled back, then fixes its snapshot with its first query,
 * then lets go: writers wait only for those milliseconds. In that snapshot every index at or below
 * the highest one seen is final, and every index drawn later is higher.
 */
@Component
public class AppendLock {

    /** The advisory lock key; any 64-bit number other code does not use. */
    public static final long KEY = 0x43_48_41_52_41_43_54L;

    /** How long a backup waits for running commands before it gives up (and lets writers go on). */
    public static final Duration EXCLUSIVE_TIMEOUT = Duration.ofSeconds(15);

    AppendLock(CommandBus commandBus, JdbcTemplate jdbc) {
        ResultSetExtractor<Void> ignore = rows -> null;
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                // outside a transaction the lock would end with its own statement and guard nothing
                throw new IllegalStateException("commands must run in a transaction");
            }
            if (!BatchingCommandBus.isBatch(unitOfWork.root())) {
                jdbc.query("select pg_advisory_xact_lock_shared(?)", ignore, KEY);
            }
            // a batch's changes write nothing before their events, whose insert takes the lock (migration V25)
            return chain.proceed();
        });
    }

    /** Holds the shared lock until the connection's transaction ends. */
    public static void holdShared(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
            lock.setLong(1, KEY);
            lock.execute();
        }
    }

    /** Work that runs while no append is in flight. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} with no append in flight and none starting: the lock is taken exclusively on
     * a connection of its own and released as soon as the work returns.
     */
    public static <T> T whileNoAppendInFlight(DataSource dataSource, Work<T> work) throws Exception {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("set local lock_timeout = '" + EXCLUSIVE_TIMEOUT.toMillis() + "ms'");
                statement.execute("select pg_advisory_xact_lock(" + KEY + ")");
            } catch (SQLException e) {
                lock.rollback();
                if ("55P03".equals(e.getSQLState())) {
                    throw new IllegalStateException("commands kept the event store busy for "
                            + EXCLUSIVE_TIMEOUT.toSeconds() + " s; no consistent point could be taken, try again");
                }
                throw e;
            }
            try {
                return work.run();
            } finally {
                lock.rollback();
            }
        }
    }
}
