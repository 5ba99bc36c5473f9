package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VersionHistoryTest extends ServiceTest {

    private User owner;
    private User stranger;
    private UUID id;

    /** Four versions: created "Bilbo", renamed "Bilbo Baggins", 500 experience, made public. */
    @BeforeEach
    void characterWithAHistory() {
        owner = api.signUp();
        stranger = api.signUp();
        id = api.createCharacter(owner, "Bilbo").id();
        assertThat(api.put(path(id) + "/name", owner.token(), Api.map("name", "Bilbo Baggins")).status()).isEqualTo(200);
        assertThat(api.post(path(id) + "/experience", owner.token(), Api.map("amount", 500, "reason", "riddles"))
                .status()).isEqualTo(200);
    }

    private void makePublic() {
        assertThat(api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC")).status())
                .isEqualTo(200);
    }

    private static List<Long> versions(Answer page) {
        List<Long> versions = new ArrayList<>();
        for (JsonNode item : page.body().path("items")) {
            versions.add(item.path("version").asLong());
        }
        return versions;
    }

    @Test
    void versionsAreListedNewestFirst() {
        makePublic();

        Answer page = api.get(path(id) + "/versions", owner.token());

        assertThat(page.status()).isEqualTo(200);
        assertThat(versions(page)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(page.body().path("total").asLong()).isEqualTo(4);
        assertThat(page.body().path("page").asInt()).isEqualTo(0);
        assertThat(page.body().path("size").asInt()).isEqualTo(20);
        List<String> types = new ArrayList<>();
        Instant previous = Instant.MAX;
        for (JsonNode item : page.body().path("items")) {
            types.add(item.path("eventType").asText());
            Instant occurredAt = Instant.parse(item.path("occurredAt").asText());
            assertThat(occurredAt).isBeforeOrEqualTo(previous);
            previous = occurredAt;
            assertThat(item.path("actorId").asText()).isEqualTo(owner.id().toString());
            assertThat(item.path("summary").asText()).isNotBlank();
        }
        assertThat(types).containsExactly("VisibilityChanged", "ExperienceGained", "CharacterRenamed",
                "CharacterCreated");
        assertThat(page.body().path("items").get(2).path("summary").asText()).contains("Bilbo Baggins");
        assertThat(page.body().path("items").get(1).path("summary").asText()).contains("500");
    }

    @Test
    void versionsArePaged() {
        Answer first = api.get(path(id) + "/versions?page=0&size=2", owner.token());
        Answer second = api.get(path(id) + "/versions?page=1&size=2", owner.token());

        assertThat(versions(first)).containsExactly(3L, 2L);
        assertThat(versions(second)).containsExactly(1L);
        assertThat(second.body().path("total").asLong()).isEqualTo(3);
        assertThat(second.body().path("page").asInt()).isEqualTo(1);
        assertThat(second.body().path("size").asInt()).isEqualTo(2);
        assertThat(versions(api.get(path(id) + "/versions?page=2&size=1", owner.token()))).containsExactly(1L);
        assertThat(versions(api.get(path(id) + "/versions?page=1&size=3", owner.token()))).isEmpty();
        Answer beyond = api.get(path(id) + "/versions?page=5&size=2", owner.token());
        assertThat(versions(beyond)).isEmpty();
        assertThat(beyond.body().path("total").asLong()).isEqualTo(3);
        assertFieldRejected(api.get(path(id) + "/versions?size=0", owner.token()), "size");
        assertFieldRejected(api.get(path(id) + "/versions?size=101", owner.token()), "size");
        assertFieldRejected(api.get(path(id) + "/versions?page=-1", owner.token()), "page");
    }

    @Test
    void aPageOfVersionsBeyondAnyPossibleOffsetIsBadInputNotAFailure() {
        assertFieldRejected(api.get(path(id) + "/versions?page=2147483647&size=100", owner.token()), "page");
    }

    @Test
    void aVersionHoldsTheCharacterAsItWasThen() {
        Answer first = api.get(path(id) + "/versions/1", owner.token());
        Answer second = api.get(path(id) + "/versions/2", owner.token());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("version").asLong()).isEqualTo(1);
        assertThat(first.text("eventType")).isEqualTo("CharacterCreated");
        assertThat(Instant.parse(first.text("occurredAt"))).isBeforeOrEqualTo(Instant.now());
        JsonNode before = first.body().path("state");
        assertThat(before.path("name").asText()).isEqualTo("Bilbo");
        assertThat(before.path("version").asLong()).isEqualTo(1);
        assertThat(before.path("experience").asLong()).isZero();
        assertThat(before.path("id").asText()).isEqualTo(id.toString());

        JsonNode after = second.body().path("state");
        assertThat(second.text("eventType")).isEqualTo("CharacterRenamed");
        assertThat(after.path("name").asText()).isEqualTo("Bilbo Baggins");
        assertThat(after.path("version").asLong()).isEqualTo(2);
        assertThat(after.path("experience").asLong()).isZero();
    }

    @Test
    void theLatestVersionEqualsTheCharacterNow() {
        Answer latest = api.get(path(id) + "/versions/3", owner.token());

        assertThat(latest.body().path("state")).isEqualTo(api.get(path(id), owner.token()).body());
    }

    @Test
    void aVersionThatDoesNotExistIsNotFound() {
        assertProblem(api.get(path(id) + "/versions/999", owner.token()), 404);
        assertProblem(api.get(path(UUID.randomUUID()) + "/versions/1", owner.token()), 404);
        assertProblem(api.get(path(UUID.randomUUID()) + "/versions", owner.token()), 404);
    }

    @Test
    void aVersionBelowOneOrNotANumberIsABadRequest() {
        assertFieldRejected(api.get(path(id) + "/versions/0", owner.token()), "version");
        assertFieldRejected(api.get(path(id) + "/versions/latest", owner.token()), "version");
    }

    @Test
    void othersCannotReadAPrivateCharactersHistory() {
        assertProblem(api.get(path(id) + "/versions", stranger.token()), 404);
        assertProblem(api.get(path(id) + "/versions/1", stranger.token()), 404);
        assertProblem(api.get(path(id) + "/versions", null), 404);
        assertProblem(api.get(path(id) + "/versions/1", null), 404);
    }

    @Test
    void anyoneCanReadAPublicCharactersHistory() {
        makePublic();

        Answer page = api.get(path(id) + "/versions", null);
        Answer first = api.get(path(id) + "/versions/1", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(versions(page)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("state").path("name").asText()).isEqualTo("Bilbo");
        assertThat(api.get(path(id) + "/versions", stranger.token()).status()).isEqualTo(200);
    }

    @Test
    void aRetiredPublicCharactersHistoryIsGoneForOthersButKeptForTheOwner() {
        makePublic();
        assertThat(api.delete(path(id), owner.token()).status()).isEqualTo(204);

        assertProblem(api.get(path(id) + "/versions", stranger.token()), 410);
        assertProblem(api.get(path(id) + "/versions/1", null), 410);
        Answer kept = api.get(path(id) + "/versions", owner.token());
        assertThat(versions(kept)).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(kept.body().path("items").get(0).path("eventType").asText()).isEqualTo("CharacterRetired");
    }
}
