package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** A lost append race is recognised in the shapes the PostgreSQL driver reports it, and nothing else is. */
class UniqueViolationTest {

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
