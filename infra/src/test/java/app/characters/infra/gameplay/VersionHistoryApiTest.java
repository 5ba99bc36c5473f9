package app.characters.infra.gameplay;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Version history table of the contract, over HTTP. */
class VersionHistoryApiTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private User owner;
    private UUID id;

    @BeforeEach
    void aCharacter() {
        owner = api.signUp();
        id = api.createCharacter(owner, "Frodo").id();
    }

    @Test
    void versionsAreListedNewestFirstWithWhatHappenedAndWho() {
        makeVersionsUpTo4();

        Answer page = api.get(character() + "/versions", owner.token());

        assertThat(page.status()).isEqualTo(200);
        JsonNode items = page.body().path("items");
        assertThat(items.findValuesAsText("version")).containsExactly("4", "3", "2", "1");
        assertThat(items.findValuesAsText("eventType"))
                .containsExactly("ExperienceGained", "ItemAcquired", "CharacterRenamed", "CharacterCreated");
        assertThat(items.findValuesAsText("actorId")).containsOnly(owner.id().toString());
        assertThat(items.get(2).path("summary").asText()).contains("Frodo Baggins");
        assertThat(items.get(1).path("summary").asText()).contains("Sting");
        for (JsonNode item : items) {
            assertThat(Instant.parse(item.path("occurredAt").asText())).isBeforeOrEqualTo(Instant.now());
        }
        assertThat(page.body().path("total").asLong()).isEqualTo(4);
    }

    @Test
    void versionsArePaged() {
        makeVersionsUpTo4();

        Answer second = api.get(character() + "/versions?page=1&size=3", owner.token());

        assertThat(second.body().path("items").findValuesAsText("version")).containsExactly("1");
        assertThat(second.body().path("page").asInt()).isEqualTo(1);
        assertThat(second.body().path("size").asInt()).isEqualTo(3);
        assertThat(second.body().path("total").asLong()).isEqualTo(4);
        assertThat(api.get(character() + "/versions?size=0", owner.token()).status()).isEqualTo(400);
    }

    @Test
    void aVersionHoldsTheWholeCharacterAsItWasThen() {
        makeVersionsUpTo4();

        Answer two = api.get(character() + "/versions/2", owner.token());

        assertThat(two.status()).isEqualTo(200);
        assertThat(two.body().path("version").asLong()).isEqualTo(2);
        assertThat(two.text("eventType")).isEqualTo("CharacterRenamed");
        assertThat(Instant.parse(two.text("occurredAt"))).isNotNull();
        JsonNode state = two.body().path("state");
        assertThat(state.path("name").asText()).isEqualTo("Frodo Baggins");
        assertThat(state.path("version").asLong()).isEqualTo(2);
        assertThat(state.path("equipment")).isEmpty();
        assertThat(state.path("experience").asLong()).isZero();
        assertThat(state.path("id").asText()).isEqualTo(id.toString());
    }

    @Test
    void aVersionTheCharacterNeverHadIsA404() {
        Answer missing = api.get(character() + "/versions/2", owner.token());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/characters/" + UUID.randomUUID() + "/versions/1", owner.token()).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two", "1.5"})
    void aVersionThatIsNotAPositiveWholeNumberIsA400(String version) {
        Answer refused = api.get(character() + "/versions/" + version, owner.token());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theDiffOfARenameIsOneReplaceOfTheName() {
        makeVersionsUpTo4();

        Answer diff = api.get(character() + "/versions/2/diff?from=1", owner.token());

        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.contentType()).startsWith("application/json");
        assertThat(diff.body()).isEqualTo(json("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Frodo Baggins\"}]"));
        assertThat(api.get(character() + "/versions/1/diff?from=2", owner.token()).body())
                .isEqualTo(json("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Frodo\"}]"));
    }

    @Test
    void aVersionComparedWithItselfIsAnEmptyPatch() {
        makeVersionsUpTo4();

        assertThat(api.get(character() + "/versions/3/diff?from=3", owner.token()).body()).isEqualTo(json("[]"));
    }

    @Test
    void theDiffLeavesVersionAndUpdatedAtOutAndTurnsOneStateIntoTheOther() {
        makeVersionsUpTo4();
        JsonNode one = state(1);
        JsonNode four = state(4);

        JsonNode patch = api.get(character() + "/versions/4/diff?from=1", owner.token()).body();

        assertThat(patch.findValuesAsText("path")).noneMatch(path -> path.equals("/version") || path.equals("/updatedAt"))
                .anyMatch(path -> path.startsWith("/equipment")).contains("/name", "/experience", "/level");
        assertThat(JsonPatch.apply(patch, content(one))).isEqualTo(content(four));
    }

    @Test
    void aDiffWithAVersionTheCharacterNeverHadIsA404() {
        makeVersionsUpTo4();

        assertThat(api.get(character() + "/versions/9/diff?from=1", owner.token()).status()).isEqualTo(404);
        assertThat(api.get(character() + "/versions/1/diff?from=9", owner.token()).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?from=0", "?from=one", "?from="})
    void aDiffWithoutAGoodFromIsA400(String query) {
        Answer refused = api.get(character() + "/versions/1/diff" + query, owner.token());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void asOfATimeAnswersTheCharacterAsItWasThen() {
        Instant createdAt = Instant.parse(api.get(character(), owner.token()).text("createdAt"));
        awaitClockPast(createdAt);
        Answer renamed = rename("Frodo Baggins");
        Instant renamedAt = Instant.parse(renamed.text("updatedAt"));
        awaitClockPast(renamedAt);
        rename("Mr Underhill");

        assertThat(asOf(createdAt).text("name")).isEqualTo("Frodo");
        assertThat(asOf(createdAt).header("ETag")).isEqualTo("\"1\"");
        assertThat(asOf(renamedAt.minusMillis(1)).text("name")).isEqualTo("Frodo");
        assertThat(asOf(renamedAt).text("name")).isEqualTo("Frodo Baggins");
        assertThat(asOf(renamedAt).version()).isEqualTo(2);
        assertThat(asOf(Instant.now().plusSeconds(3600)).text("name")).isEqualTo("Mr Underhill");
    }

    @Test
    void asOfATimeBeforeTheCharacterExistedIsA404() {
        Instant createdAt = Instant.parse(api.get(character(), owner.token()).text("createdAt"));

        Answer before = asOf(createdAt.minusMillis(1));

        assertThat(before.status()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-45T10:00:00Z", "2026-11-24", "1732442400", "2026-11-24T10:00:00"})
    void aMalformedAsOfIsA400NamingIt(String time) {
        Answer refused = api.get(character() + "?asOf=" + time, owner.token());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("asOf");
    }

    @Test
    void revertingAppendsOneVersionWithTheOldState() {
        makeVersionsUpTo4();
        long events = eventCount();

        Answer reverted = api.post(character() + "/revert", owner.token(), Api.map("version", 2));

        assertThat(reverted.status()).isEqualTo(200);
        assertThat(reverted.version()).isEqualTo(5);
        assertThat(reverted.header("ETag")).isEqualTo("\"5\"");
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(content(reverted.body())).isEqualTo(content(state(2)));
        assertThat(content(api.get(character(), owner.token()).body())).isEqualTo(content(state(2)));
        assertThat(api.get(character() + "/versions/5/diff?from=2", owner.token()).body()).isEqualTo(json("[]"));
        JsonNode newest = api.get(character() + "/versions?size=1", owner.token()).body().path("items").get(0);
        assertThat(newest.path("eventType").asText()).isEqualTo("CharacterReverted");
        assertThat(newest.path("summary").asText()).contains("version 2");
        assertThat(jdbc.queryForObject("select count(*) from character_item where character_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void revertingBringsBackTheItemsAndSkillsOfThatVersionInTheReadTables() {
        api.addItem(owner, id, "Sting", "WEAPON", Map.of("dexterity", 2));
        Answer three = api.addItem(owner, id, "Mithril", "ARMOR", Map.of("constitution", 3));
        api.raw("PUT", character() + "/equipment/" + three.itemId("Mithril") + "/equipped", owner.token(), null, null);
        api.post(character() + "/skills", owner.token(), Api.map("skillId", "sneak"));
        Answer five = api.get(character(), owner.token());
        api.delete(character() + "/equipment/" + three.itemId("Sting"), owner.token());
        api.delete(character() + "/equipment/" + three.itemId("Mithril"), owner.token());
        api.put(character() + "/skills/sneak", owner.token(), Api.map("proficiency", "APPRENTICE"));

        Answer reverted = api.post(character() + "/revert", owner.token(), Api.map("version", 5));

        assertThat(reverted.status()).isEqualTo(200);
        assertThat(content(reverted.body())).isEqualTo(content(five.body()));
        assertThat(reverted.item("Mithril").path("equipped").asBoolean()).isTrue();
        assertThat(reverted.body().path("effectiveAttributes").path("constitution").asInt()).isEqualTo(13);
        assertThat(jdbc.queryForList("select id from character_item where character_id = ? order by position",
                UUID.class, id)).containsExactly(three.itemId("Sting"), three.itemId("Mithril"));
        assertThat(jdbc.queryForObject("select equipped from character_item where id = ?", Boolean.class,
                three.itemId("Mithril"))).isTrue();
        assertThat(jdbc.queryForObject("select proficiency from character_skill where character_id = ?", String.class,
                id)).isEqualTo("NOVICE");
    }

    @Test
    void revertingToAVersionTheCharacterNeverHadIsA404AndStoresNothing() {
        rename("Frodo Baggins");
        long events = eventCount();

        Answer refused = api.post(character() + "/revert", owner.token(), Api.map("version", 3));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"version\":0}", "{\"version\":-2}", "{\"version\":\"1\"}", "{\"version\":1.5}",
            "{\"version\":1,\"why\":\"oops\"}", "[1]"})
    void aBadRevertIsA400AndStoresNothing(String body) {
        rename("Frodo Baggins");
        long events = eventCount();

        Answer refused = api.raw("POST", character() + "/revert", owner.token(), "application/json", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRevertAtAStaleVersionIsA412() {
        rename("Frodo Baggins");
        long events = eventCount();

        Answer refused = api.raw("POST", character() + "/revert", owner.token(), "application/json",
                "{\"version\":1}", "If-Match", "\"1\"");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void onlyTheOwnerReverts() {
        rename("Frodo Baggins");
        User stranger = api.signUp();
        long events = eventCount();

        assertThat(api.post(character() + "/revert", null, Api.map("version", 1)).status()).isEqualTo(401);
        assertThat(api.post(character() + "/revert", stranger.token(), Api.map("version", 1)).status()).isEqualTo(404);
        api.put(character() + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));
        assertThat(api.post(character() + "/revert", stranger.token(), Api.map("version", 1)).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    @Test
    void whoMayNotReadACharacterMayNotReadItsHistory() {
        rename("Frodo Baggins");
        User stranger = api.signUp();

        for (String token : new String[] {null, stranger.token()}) {
            for (String path : historyPaths()) {
                assertThat(api.get(path, token).status()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void anyoneMayReadThePublicCharactersHistory() {
        rename("Frodo Baggins");
        api.put(character() + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));

        for (String path : historyPaths()) {
            Answer answer = api.get(path, null);
            assertThat(answer.status()).as(path).isEqualTo(200);
        }
        assertThat(api.get(character() + "/versions", null).body().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void theOwnerStillReadsTheHistoryOfARetiredCharacter() {
        rename("Frodo Baggins");
        assertThat(api.delete(character(), owner.token()).status()).isEqualTo(204);

        assertThat(api.get(character() + "/versions", owner.token()).body().path("items").get(0).path("eventType").asText())
                .isEqualTo("CharacterRetired");
        assertThat(api.get(character() + "/versions/3/diff?from=2", owner.token()).body())
                .isEqualTo(json("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"RETIRED\"}]"));
        assertThat(api.post(character() + "/revert", owner.token(), Api.map("version", 2)).status()).isEqualTo(409);
    }

    @Test
    void anUnknownCharacterHasNoHistory() {
        String nobody = "/api/v1/characters/" + UUID.randomUUID();
        long events = eventCount();

        for (String path : List.of(nobody + "/versions", nobody + "/versions/1", nobody + "/versions/2/diff?from=1",
                nobody + "?asOf=" + Instant.now())) {
            Answer answer = api.get(path, owner.token());
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(api.post(nobody + "/revert", owner.token(), Api.map("version", 1)).status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2B300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z"})
    void anAsOfBeyondFourDigitYearsIsA400(String time) {
        Answer refused = api.get(character() + "?asOf=" + time, owner.token());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("asOf");
    }

    @Test
    void asOfATimeWithAnOffsetIsTheSameInstantInUtc() {
        Instant createdAt = Instant.parse(api.get(character(), owner.token()).text("createdAt"));
        String inParis = createdAt.atOffset(java.time.ZoneOffset.ofHours(1)).toString().replace("+", "%2B");

        Answer answer = api.get(character() + "?asOf=" + inParis, owner.token());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(1);
    }

    private List<String> historyPaths() {
        return List.of(character() + "/versions", character() + "/versions/1", character() + "/versions/2/diff?from=1",
                character() + "?asOf=" + Instant.now().plusSeconds(60));
    }

    /** Versions 2 (renamed), 3 (an item) and 4 (experience). */
    private void makeVersionsUpTo4() {
        rename("Frodo Baggins");
        api.addItem(owner, id, "Sting", "WEAPON", Map.of("dexterity", 2));
        Answer four = api.post(character() + "/experience", owner.token(), Api.map("amount", 950, "reason", "Weathertop"));
        assertThat(four.version()).isEqualTo(4);
    }

    private Answer rename(String name) {
        Answer renamed = api.put(character() + "/name", owner.token(), Api.map("name", name));
        assertThat(renamed.status()).isEqualTo(200);
        return renamed;
    }

    private Answer asOf(Instant time) {
        return api.get(character() + "?asOf=" + time, owner.token());
    }

    private JsonNode state(long version) {
        return api.get(character() + "/versions/" + version, owner.token()).body().path("state");
    }

    /** A state without the bookkeeping every version changes. */
    static JsonNode content(JsonNode state) {
        ObjectNode copy = state.deepCopy();
        copy.remove(List.of("version", "updatedAt"));
        return copy;
    }

    /** Waits, without a fixed sleep, until the clock has moved at least a millisecond past a time. */
    static void awaitClockPast(Instant time) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(time.plusMillis(1))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the clock did not pass " + time);
            }
            Thread.onSpinWait();
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private String character() {
        return "/api/v1/characters/" + id;
    }
}
