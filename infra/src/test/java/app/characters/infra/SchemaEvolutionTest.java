package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events stored in an older shape are still read, through their revision and an upcaster. */
class SchemaEvolutionTest extends ServiceTest {

    @Test
    void anExperienceGainedOfRevisionOneIsReadAfterItsFieldWasRenamed() {
        User user = api.signUp();
        UUID id = api.createCharacter(user, "Elder").id();
        String oldShape = "{\"characterId\":\"" + id + "\",\"amount\":400,\"reason\":\"an old quest\",\"total\":400,\"level\":2}";
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp)
                values (?, 1, 'CharacterAggregate', ?, convert_to('{}', 'UTF8'), ?, '1',
                    'app.characters.kernel.character.CharacterEvent$ExperienceGained', '2026-01-01T00:00:00.000Z')""",
                id.toString(), UUID.randomUUID().toString(), oldShape.getBytes(StandardCharsets.UTF_8));

        Answer changed = api.post("/api/v1/characters/" + id + "/experience", user.token(),
                Api.map("amount", 100, "reason", "a new quest"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("version").asLong()).isEqualTo(3);
        assertThat(changed.body().path("experience").asLong()).isEqualTo(500);
        assertThat(changed.body().path("level").asInt()).isEqualTo(2);
    }
}
