package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterCommand.UnequipItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A character with a long history is snapshotted every 100 events, and a character loaded from its snapshot and the
 * events after it is the character as stored.
 */
class SnapshotsTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private BatchingCommandBus commandBus;

    @Autowired
    @Qualifier("characterCache")
    private Cache characterCache;

    private static CommandMessage<?> gain(UUID characterId, User owner) {
        return GenericCommandMessage.asCommandMessage(new GainExperience(characterId, owner.id(), null, 1, "snap"));
    }

    private static CommandMessage<?> unequipMissingItem(UUID characterId, User owner) {
        return GenericCommandMessage.asCommandMessage(new UnequipItem(characterId, owner.id(), null, UUID.randomUUID()));
    }

    private void runTogether(List<CommandMessage<?>> changes) {
        commandBus.runTogether(changes).forEach(answer -> answer.orTimeout(30, TimeUnit.SECONDS).join());
    }

    private static List<CommandMessage<?>> gains(UUID characterId, User owner, int count) {
        List<CommandMessage<?>> gains = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            gains.add(gain(characterId, owner));
        }
        return gains;
    }

    /** The character's latest snapshot, once the snapshot thread stored one: its sequence number and its sheet. */
    private JsonNode snapshotOf(UUID characterId, long atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> rows = jdbc.queryForList("select sequence_number, payload"
                    + " from snapshot_event_entry where aggregate_identifier = ? and sequence_number >= ?"
                    + " order by sequence_number desc limit 1", characterId.toString(), atLeast);
            if (!rows.isEmpty()) {
                JsonNode payload = JSON.readTree((byte[]) rows.get(0).get("payload"));
                return JSON.createObjectNode().put("sequence", (Long) rows.get(0).get("sequence_number"))
                        .set("sheet", payload.path("sheet"));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no snapshot of " + characterId + " from sequence " + atLeast + " within 30 s");
    }

    /** Drops every character from memory, so that the next change loads its character from the store. */
    private void forgetCharacters() {
        characterCache.removeAll();
    }

    @Test
    void theHundredthEventSnapshotsTheCharacterAsItsBatchLeftIt() throws Exception {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Chronicled").id();

        runTogether(gains(id, owner, 120));

        JsonNode snapshot = snapshotOf(id, 0);
        assertThat(snapshot.path("sequence").asLong()).isEqualTo(120);
        assertThat(snapshot.path("sheet").path("version").asLong()).isEqualTo(121);
        assertThat(snapshot.path("sheet").path("experience").asLong()).isEqualTo(120);
        assertThat(snapshot.path("sheet").path("name").asText()).isEqualTo("Chronicled");
    }

    @Test
    void aCharacterLoadedFromItsSnapshotFollowsOnAsStored() throws Exception {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Reloaded").id();
        api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));
        runTogether(gains(id, owner, 103));
        snapshotOf(id, 103);
        runTogether(gains(id, owner, 5));
        forgetCharacters();

        Answer changed = api.post(path(id) + "/experience", owner.token(), Api.map("amount", 1, "reason", "after"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.version()).isEqualTo(111);
        assertThat(changed.body().path("experience").asLong()).isEqualTo(109);
        assertThat(changed.body().path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(changed.body()).isEqualTo(api.get(path(id), owner.token()).body());
    }

    @Test
    void aChangeRefusedAfterTheHundredthEventLeavesTheSnapshotToTheStore() throws Exception {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Refused Late").id();
        List<CommandMessage<?>> changes = gains(id, owner, 100);
        changes.add(unequipMissingItem(id, owner));
        changes.add(gain(id, owner));

        runTogether(changes);

        JsonNode snapshot = snapshotOf(id, 0);
        assertThat(snapshot.path("sequence").asLong()).isBetween(100L, 101L);
        assertThat(snapshot.path("sheet").path("version").asLong()).isEqualTo(snapshot.path("sequence").asLong() + 1);
        assertThat(snapshot.path("sheet").path("experience").asLong()).isEqualTo(snapshot.path("sequence").asLong());
        forgetCharacters();
        Answer changed = api.post(path(id) + "/experience", owner.token(), Api.map("amount", 1, "reason", "after"));
        assertThat(changed.version()).isEqualTo(103);
        assertThat(changed.body().path("experience").asLong()).isEqualTo(102);
    }
}
