package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A lost append race is recognised in the shapes the PostgreSQL driver reports it, and nothing else is. */
class UniqueViolationTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** The very chain an append lost to another node (or to a stale cached character) arrives in. */
    private static ConcurrencyException lostRace() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry was aborted",
                null, 0, new int[0]);
        batch.setNextException(new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION));
        return new ConcurrencyException("An event for aggregate [x] at sequence [2] was already inserted", batch);
    }

    private boolean retried(RuntimeException failure) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        return WriteSideConfiguration.retryScheduler(executor, 8).scheduleRetry(
                GenericCommandMessage.asCommandMessage("a change"), failure, failures, () -> { });
    }

    @Test
    void theGatewayRetriesAnAppendThatLostARace() {
        assertThat(retried(lostRace())).isTrue();
    }

    @Test
    void theGatewayDoesNotRetryARefusalAStaleIfMatchOrADuplicateCreation() {
        assertThat(retried(new IllegalStateException("a rule said no"))).isFalse();
        assertThat(retried(new ConflictingAggregateVersionException("x", 1, 2))).isFalse();
        assertThat(retried(new AggregateStreamCreationException("x", lostRace().getCause()))).isFalse();
        assertThat(retried(new IllegalStateException(new PSQLException("connection lost", PSQLState.CONNECTION_FAILURE))))
                .isFalse();
    }

    @Test
    void aUniqueViolationInsideABatchIsALostRace() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry was aborted",
                null, 0, new int[0]);
        batch.setNextException(new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION));

        assertThat(WriteSideConfiguration.isUniqueViolation(new RuntimeException("append failed", batch))).isTrue();
    }

    @Test
    void aUniqueViolationAnywhereInTheCausesIsALostRace() {
        SQLException unique = new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION);

        assertThat(WriteSideConfiguration.isUniqueViolation(new IllegalStateException(new RuntimeException(unique))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(WriteSideConfiguration.isUniqueViolation(new PSQLException("connection lost",
                PSQLState.CONNECTION_FAILURE))).isFalse();
        assertThat(WriteSideConfiguration.isUniqueViolation(new PSQLException("not null",
                PSQLState.NOT_NULL_VIOLATION))).isFalse();
        assertThat(WriteSideConfiguration.isUniqueViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
