package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.characters.infra.progress.Progress;
import app.characters.infra.projection.ProjectionRebuild;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

class VersionHistoryTest extends ServiceTest {

    @Autowired
    private ProjectionRebuild projections;

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

    /**
     * A version row keeps its state for versions 1, 17, 33...; the others are folded on read from the nearest kept
     * state and the events after it. Each of 40 versions (renames, experience and attributes, crossing two kept
     * states) reads as the character read right after its change, as of its time too, before and after a rebuild.
     */
    @Test
    void everyVersionReadsAsTheCharacterWasWhetherItsRowKeepsTheStateOrNot() {
        Map<Long, JsonNode> then = new HashMap<>();
        then.put(3L, api.get(path(id), owner.token()).body());
        for (int i = 0; i < 37; i++) {
            Answer change = switch (i % 3) {
                case 0 -> api.put(path(id) + "/name", owner.token(), Api.map("name", "Bilbo " + i));
                case 1 -> api.post(path(id) + "/experience", owner.token(), Api.map("amount", 7 * i, "reason", "walk"));
                default -> api.put(path(id) + "/attributes", owner.token(), Api.map("strength", 8 + i % 10));
            };
            assertThat(change.status()).isEqualTo(200);
            JsonNode now = api.get(path(id), owner.token()).body();
            then.put(now.path("version").asLong(), now);
        }
        assertThat(then).hasSize(38);
        assertThat(jdbc.queryForList("select version from character_version where character_id = ? and state is not null"
                + " order by version", Long.class, id)).containsExactly(1L, 17L, 33L);

        for (int round = 0; round < 2; round++) {
            for (long v = 3; v <= 40; v++) {
                Answer version = api.get(path(id) + "/versions/" + v, owner.token());
                assertThat(version.status()).isEqualTo(200);
                assertThat(version.body().path("state")).as("version %d", v).isEqualTo(then.get(v));
                Answer asOf = api.get(path(id) + "?asOf=" + version.text("occurredAt"), owner.token());
                long asOfVersion = asOf.body().path("version").asLong();
                assertThat(asOfVersion).as("as of version %d", v).isGreaterThanOrEqualTo(v); // a later one at the same time
                assertThat(asOf.body()).isEqualTo(then.get(asOfVersion));
            }
            Answer diff = api.get(path(id) + "/versions/18/diff?from=16", owner.token());
            assertThat(diff.status()).isEqualTo(200);
            assertThat(diff.body().toString()).contains("/experience").contains("/attributes").doesNotContain("/name");
            Answer fromKept = api.get(path(id) + "/versions/18/diff?from=17", owner.token());
            assertThat(fromKept.status()).isEqualTo(200);
            assertThat(fromKept.body().toString()).contains("/attributes").doesNotContain("/experience");
            projections.rebuild(false, Progress.SILENT);
            assertThat(jdbc.queryForList("select version from character_version where character_id = ?"
                    + " and state is not null order by version", Long.class, id)).containsExactly(1L, 17L, 33L);
        }
    }

    /** The rebuild drops the version table's indexes for its load and builds the very same ones again. */
    @Test
    void aRebuildLeavesTheVersionTableWithTheIndexesItHadAndItsPrimaryKeyHolds() {
        assertThat(api.post(path(id) + "/experience", owner.token(), Api.map("amount", 5, "reason", "walk")).status())
                .isEqualTo(200);
        String indexes = "select indexname || ': ' || indexdef from pg_indexes where tablename = 'character_version' order by 1";
        List<String> before = jdbc.queryForList(indexes, String.class);
        assertThat(before).anyMatch(i -> i.startsWith("character_version_pkey: CREATE UNIQUE INDEX"))
                .anyMatch(i -> i.startsWith("character_version_kept_time: ") && i.endsWith("WHERE (state IS NOT NULL)"));

        projections.rebuild(false, Progress.SILENT);

        assertThat(jdbc.queryForList(indexes, String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from pg_constraint where conrelid = 'character_version'::regclass"
                + " and contype = 'p'", Long.class)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("insert into character_version select * from character_version"
                + " where character_id = ? and version = 1", id)).isInstanceOf(DuplicateKeyException.class);
        assertThat(api.get(path(id) + "/versions/1", owner.token()).status()).isEqualTo(200);
    }

    /**
     * Rows without a kept state before them (written while a failed rebuild had emptied the table) are folded from
     * the character's first event.
     */
    @Test
    void aVersionWithNoKeptStateBeforeItIsFoldedFromTheFirstEvent() {
        JsonNode third = api.get(path(id) + "/versions/3", owner.token()).body().path("state");
        jdbc.update("update character_version set state = null where character_id = ?", id);

        for (long v = 1; v <= 3; v++) {
            Answer version = api.get(path(id) + "/versions/" + v, owner.token());
            assertThat(version.status()).isEqualTo(200);
            assertThat(version.body().path("state").path("version").asLong()).isEqualTo(v);
        }
        assertThat(api.get(path(id) + "/versions/3", owner.token()).body().path("state")).isEqualTo(third);
        assertThat(api.get(path(id) + "/versions/2", owner.token()).body().path("state").path("name").asText())
                .isEqualTo("Bilbo Baggins");
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
