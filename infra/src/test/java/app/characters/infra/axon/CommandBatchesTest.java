package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.eventstore.AppendLock;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterCommand.UnequipItem;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.common.Rejected;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Changes that arrive together commit together, and each still gets the outcome it would get alone. */
class CommandBatchesTest extends ServiceTest {

    @Autowired
    private BatchingCommandBus commandBus;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private DataSource dataSource;

    private static CommandMessage<?> gain(UUID characterId, User owner, long amount) {
        return GenericCommandMessage.asCommandMessage(new GainExperience(characterId, owner.id(), null, amount, "batch"));
    }

    private static CommandMessage<?> unequipMissingItem(UUID characterId, User owner) {
        return GenericCommandMessage.asCommandMessage(new UnequipItem(characterId, owner.id(), null, UUID.randomUUID()));
    }

    private static List<CommandResultMessage<?>> answers(List<CompletableFuture<CommandResultMessage<?>>> futures)
            throws Exception {
        return futures.stream().<CommandResultMessage<?>>map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).toList();
    }

    private static long version(CommandResultMessage<?> answer) {
        assertThat(answer.isExceptional()).as("%s", answer.optionalExceptionResult()).isFalse();
        return ((CharacterSheet) answer.getPayload()).version();
    }

    /** The version a change over HTTP, after the batch, answers. */
    private long changedOverHttp(UUID characterId, User owner) {
        return api.post(path(characterId) + "/experience", owner.token(), Api.map("amount", 1, "reason", "after")).version();
    }

    /** The transaction that stored the event: PostgreSQL's xmin of its row. */
    private String transactionOf(UUID characterId, long sequence) {
        return jdbc.queryForObject("select xmin::text from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", String.class, characterId.toString(), sequence);
    }

    @Test
    void changesToSeveralCharactersCommitInOneTransactionAndEachIsAnsweredItsVersion() throws Exception {
        User owner = api.signUp();
        UUID first = api.createCharacter(owner, "Batched One").id();
        UUID second = api.createCharacter(owner, "Batched Two").id();
        DistributionSummary sizes = meters.get("characters.commands.batch.size").summary();
        double before = sizes.totalAmount();

        List<CommandResultMessage<?>> answers = answers(commandBus.runTogether(List.of(
                gain(first, owner, 10), gain(second, owner, 20), gain(first, owner, 30))));

        assertThat(answers.stream().map(CommandBatchesTest::version)).containsExactly(2L, 2L, 3L);
        assertThat(transactionOf(second, 1)).isEqualTo(transactionOf(first, 1)).isEqualTo(transactionOf(first, 2));
        assertThat(sizes.totalAmount() - before).isEqualTo(3);
        assertThat(api.get(path(first), owner.token()).body().path("experience").asLong()).isEqualTo(40);
        assertThat(api.get(path(first), owner.token()).version()).isEqualTo(3);
        assertThat(versionRows(first)).isEqualTo(3);
        assertThat(api.get(path(second), owner.token()).version()).isEqualTo(2);
        // the characters stay in memory as stored: the next change follows on
        assertThat(changedOverHttp(first, owner)).isEqualTo(4);
    }

    /** A batch writes the summary row of each of its characters; one whose row is gone gets it written anew. */
    @Test
    void aBatchWritesTheSummaryOfEachCharacterAndWritesAgainOneWhoseRowIsGone() throws Exception {
        User owner = api.signUp();
        UUID kept = api.createCharacter(owner, "Row Kept").id();
        UUID gone = api.createCharacter(owner, "Row Gone").id();
        UUID third = api.createCharacter(owner, "Row Kept Too").id();
        assertThat(version(answers(commandBus.runTogether(List.of(gain(gone, owner, 1), gain(kept, owner, 1)))).get(0)))
                .isEqualTo(2); // the projection now keeps the sheets in memory
        jdbc.update("delete from character_summary where id = ?", gone); // as a failed rebuild leaves the tables

        List<CommandResultMessage<?>> answers = answers(commandBus.runTogether(List.of(
                gain(kept, owner, 10), gain(gone, owner, 20), gain(third, owner, 30))));

        assertThat(answers.stream().map(CommandBatchesTest::version)).containsExactly(3L, 3L, 2L);
        assertThat(jdbc.queryForList("select name || ' ' || version || ' ' || experience || ' ' || (state->>'version')"
                + " from character_summary where id in (?, ?, ?) order by name", String.class, kept, gone, third))
                .containsExactly("Row Gone 3 21 3", "Row Kept 3 11 3", "Row Kept Too 2 30 2");
        assertThat(api.get(path(gone), owner.token()).body().path("experience").asLong()).isEqualTo(21);
    }

    @Test
    void aBatchWaitsForTheAppendLockWhileABackupHoldsItAndCommitsRightAfter() throws Exception {
        User owner = api.signUp();
        UUID first = api.createCharacter(owner, "Waits For The Backup").id();
        UUID second = api.createCharacter(owner, "Waits As Well").id();
        CompletableFuture<List<CommandResultMessage<?>>> batch = AppendLock.whileNoAppendInFlight(dataSource, () -> {
            CompletableFuture<List<CommandResultMessage<?>>> running = CompletableFuture.supplyAsync(() ->
                    commandBus.runTogether(List.of(gain(first, owner, 3), gain(second, owner, 4))).stream()
                            .map(CompletableFuture::join).toList());
            // the batch's append is what takes the lock: it waits there, before anything of it is stored
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                    select count(*) from pg_stat_activity where wait_event = 'advisory'
                    and query like 'INSERT INTO domain_event_entry%'""", Long.class) == 1);
            assertThat(running).isNotDone();
            return running;
        });

        List<CommandResultMessage<?>> answers = batch.get(30, TimeUnit.SECONDS);
        assertThat(answers.stream().map(CommandBatchesTest::version)).containsExactly(2L, 2L);
        assertThat(transactionOf(first, 1)).isEqualTo(transactionOf(second, 1));
    }

    @Test
    void aRefusedChangeStoresNothingAndTheNextChangeToItsCharacterWaitsForTheNextBatch() throws Exception {
        User owner = api.signUp();
        UUID first = api.createCharacter(owner, "Steady").id();
        UUID refused = api.createCharacter(owner, "Refused Once").id();

        List<CommandResultMessage<?>> answers = answers(commandBus.runTogether(List.of(
                gain(first, owner, 5), unequipMissingItem(refused, owner), gain(refused, owner, 7), gain(first, owner, 5))));

        assertThat(version(answers.get(0))).isEqualTo(2);
        assertThat(answers.get(1).isExceptional()).isTrue();
        assertThat(answers.get(1).exceptionResult()).isInstanceOf(Rejected.class);
        assertThat(version(answers.get(2))).isEqualTo(2);
        assertThat(version(answers.get(3))).isEqualTo(3);
        assertThat(transactionOf(first, 2)).isEqualTo(transactionOf(first, 1));
        assertThat(transactionOf(refused, 1)).isNotEqualTo(transactionOf(first, 1));
        assertThat(eventCount(refused)).isEqualTo(2);
        assertThat(api.get(path(refused), owner.token()).body().path("experience").asLong()).isEqualTo(7);
    }

    @Test
    void aBatchThatFailsBeforeItsCommitRunsEachChangeAloneSoOnlyTheFailingOneFails() throws Exception {
        User owner = api.signUp();
        UUID fine = api.createCharacter(owner, "Unaffected").id();
        UUID failing = api.createCharacter(owner, "Unwritable").id();
        refuseVersionRows(failing, false);
        try {
            List<CommandResultMessage<?>> answers = answers(commandBus.runTogether(List.of(
                    gain(fine, owner, 3), gain(failing, owner, 4), gain(fine, owner, 3))));

            assertThat(version(answers.get(0))).isEqualTo(2);
            assertThat(answers.get(1).isExceptional()).isTrue();
            assertThat(version(answers.get(2))).isEqualTo(3);
            assertThat(transactionOf(fine, 2)).isNotEqualTo(transactionOf(fine, 1));
        } finally {
            allowVersionRows();
        }
        assertThat(eventCount(fine)).isEqualTo(3);
        assertThat(eventCount(failing)).isEqualTo(1);
        assertThat(api.get(path(failing), owner.token()).version()).isEqualTo(1);
        assertThat(changedOverHttp(failing, owner)).isEqualTo(2);
    }

    @Test
    void aBatchWhoseCommitFailsAnswersEveryChangeWithTheFailureAndRunsNoneTwice() throws Exception {
        User owner = api.signUp();
        UUID fine = api.createCharacter(owner, "Caught Up").id();
        UUID failing = api.createCharacter(owner, "Refused At Commit").id();
        refuseVersionRows(failing, true);
        List<CommandResultMessage<?>> answers;
        try {
            answers = answers(commandBus.runTogether(List.of(gain(fine, owner, 3), gain(failing, owner, 4))));
        } finally {
            allowVersionRows();
        }

        assertThat(answers).allMatch(CommandResultMessage::isExceptional);
        assertThat(eventCount(fine)).isEqualTo(1);
        assertThat(eventCount(failing)).isEqualTo(1);
        assertThat(changedOverHttp(fine, owner)).isEqualTo(2);
    }

    /** Makes the database refuse the character's version rows: at once, or only when the transaction commits. */
    private void refuseVersionRows(UUID characterId, boolean atCommit) {
        jdbc.execute("""
                create or replace function refuse_test_versions() returns trigger language plpgsql as $$
                begin
                    if new.character_id = '%s'::uuid then
                        raise exception 'this test refuses the row';
                    end if;
                    return new;
                end $$""".formatted(characterId));
        jdbc.execute(atCommit
                ? "create constraint trigger refuse_test_versions after insert on character_version"
                        + " deferrable initially deferred for each row execute function refuse_test_versions()"
                : "create trigger refuse_test_versions before insert on character_version"
                        + " for each row execute function refuse_test_versions()");
    }

    private void allowVersionRows() {
        jdbc.execute("drop trigger if exists refuse_test_versions on character_version");
        jdbc.execute("drop function if exists refuse_test_versions()");
    }
}
