package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacterChangesTest extends ServiceTest {

    private User owner;
    private User stranger;
    private UUID id;

    @BeforeEach
    void createCharacter() {
        owner = api.signUp();
        stranger = api.signUp();
        Answer created = api.post("/api/v1/characters", owner.token(), Api.map("name", "Frodo", "race", "HALFLING",
                "characterClass", "ROGUE", "attributes", Api.map("strength", 8, "dexterity", 16, "constitution", 12,
                        "intelligence", 11, "wisdom", 13, "charisma", 14)));
        assertThat(created.status()).isEqualTo(201);
        id = created.id();
    }

    private Answer rename(String token, String name, String... headers) {
        return api.put(path(id) + "/name", token, Api.map("name", name), headers);
    }

    private Answer gain(long amount, String... headers) {
        return api.post(path(id) + "/experience", owner.token(), Api.map("amount", amount, "reason", "quest"), headers);
    }

    private void assertChanged(Answer answer, long version) {
        assertThat(answer.status()).as("status of %s", answer.response().body()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(version);
        assertThat(answer.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(eventCount(id)).isEqualTo(version);
    }

    /** Runs the request and checks it was refused with that status and stored nothing. */
    private Answer refused(int status, Supplier<Answer> request) {
        long events = eventCount();
        long version = api.get(path(id), owner.token()).version();
        Answer answer = assertProblem(request.get(), status);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get(path(id), owner.token()).version()).isEqualTo(version);
        return answer;
    }

    private void makePublic() {
        assertChanged(api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC")), 2);
    }

    // each change

    @Test
    void aChangeWritesItsCharactersRowAgainWhenTheRowIsGone() {
        assertChanged(gain(100), 2); // the projection now keeps the sheet of version 2 in memory
        jdbc.update("delete from character_summary where id = ?", id); // as a failed rebuild leaves the tables

        assertChanged(gain(50), 3);

        Map<String, Object> row = jdbc.queryForMap("select version, experience from character_summary where id = ?", id);
        assertThat(row).containsEntry("version", 3L).containsEntry("experience", 150L);
        assertThat(api.get(path(id), owner.token()).body().path("experience").asLong()).isEqualTo(150);
    }

    @Test
    void renameAnswersTheCharacterAtTheNextVersion() {
        Answer renamed = rename(owner.token(), "  Mr. Underhill  ");

        assertChanged(renamed, 2);
        assertThat(renamed.text("name")).isEqualTo("Mr. Underhill");
        assertThat(renamed.text("race")).isEqualTo("HALFLING");
        Answer read = api.get(path(id), owner.token());
        assertThat(read.text("name")).isEqualTo("Mr. Underhill");
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void renameToABlankOrTooLongNameIsRejected() {
        assertFieldRejected(refused(400, () -> rename(owner.token(), "   ")), "name");
        assertFieldRejected(refused(400, () -> rename(owner.token(), "n".repeat(65))), "name");
        assertFieldRejected(refused(400, () -> api.put(path(id) + "/name", owner.token(), Api.map())), "name");
    }

    @Test
    void renameToANameWithANullCharacterIsRejected() {
        assertFieldRejected(refused(400, () -> api.raw("PUT", path(id) + "/name", owner.token(), "application/json",
                "{\"name\":\"Nul\\u0000l\"}")), "name");
    }

    @Test
    void attributesChangeOnlyTheOnesNamed() {
        Answer changed = api.put(path(id) + "/attributes", owner.token(), Api.map("strength", 18, "wisdom", 1));

        assertChanged(changed, 2);
        JsonNode attributes = changed.body().path("attributes");
        assertThat(attributes.path("strength").asInt()).isEqualTo(18);
        assertThat(attributes.path("wisdom").asInt()).isEqualTo(1);
        assertThat(attributes.path("dexterity").asInt()).isEqualTo(16);
        assertThat(attributes.path("constitution").asInt()).isEqualTo(12);
        assertThat(attributes.path("intelligence").asInt()).isEqualTo(11);
        assertThat(attributes.path("charisma").asInt()).isEqualTo(14);
        assertThat(changed.body().path("effectiveAttributes")).isEqualTo(attributes);
        assertThat(api.get(path(id), owner.token()).body().path("attributes")).isEqualTo(attributes);
    }

    @Test
    void attributesOutsideOneToThirtyOrNoneAtAllAreRejected() {
        assertFieldRejected(refused(400, () -> api.put(path(id) + "/attributes", owner.token(),
                Api.map("strength", 0))), "strength");
        assertFieldRejected(refused(400, () -> api.put(path(id) + "/attributes", owner.token(),
                Api.map("dexterity", 31))), "dexterity");
        refused(400, () -> api.put(path(id) + "/attributes", owner.token(), Api.map()));
        assertFieldRejected(refused(400, () -> api.put(path(id) + "/attributes", owner.token(),
                Api.map("luck", 5))), "luck");
        assertFieldRejected(refused(400, () -> api.raw("PUT", path(id) + "/attributes", owner.token(),
                "application/json", "{\"strength\":\"12\"}")), "strength");
    }

    @Test
    void experienceRaisesTheLevelAtEachThreshold() {
        Answer at299 = gain(299);
        assertChanged(at299, 2);
        assertThat(at299.body().path("experience").asLong()).isEqualTo(299);
        assertThat(at299.body().path("level").asInt()).isEqualTo(1);

        Answer at300 = gain(1);
        assertChanged(at300, 3);
        assertThat(at300.body().path("experience").asLong()).isEqualTo(300);
        assertThat(at300.body().path("level").asInt()).isEqualTo(2);

        Answer at899 = gain(599);
        assertThat(at899.body().path("level").asInt()).isEqualTo(2);
        assertThat(gain(1).body().path("level").asInt()).isEqualTo(3);

        Answer at354999 = gain(354_999 - 900);
        assertThat(at354999.body().path("level").asInt()).isEqualTo(19);
        Answer at355000 = gain(1);
        assertThat(at355000.body().path("experience").asLong()).isEqualTo(355_000);
        assertThat(at355000.body().path("level").asInt()).isEqualTo(20);

        Answer beyond = gain(1_000_000);
        assertChanged(beyond, 8);
        assertThat(beyond.body().path("experience").asLong()).isEqualTo(1_355_000);
        assertThat(beyond.body().path("level").asInt()).isEqualTo(20);
        assertThat(api.get(path(id), owner.token()).body().path("level").asInt()).isEqualTo(20);
    }

    @Test
    void theLargestSingleGainIsOneMillion() {
        Answer gained = gain(1_000_000);

        assertChanged(gained, 2);
        assertThat(gained.body().path("level").asInt()).isEqualTo(20);
    }

    @Test
    void anExperienceAmountOutsideOneToAMillionIsRejected() {
        assertFieldRejected(refused(400, () -> gain(0)), "amount");
        assertFieldRejected(refused(400, () -> gain(-5)), "amount");
        assertFieldRejected(refused(400, () -> gain(1_000_001)), "amount");
        assertFieldRejected(refused(400, () -> api.raw("POST", path(id) + "/experience", owner.token(),
                "application/json", "{\"amount\":1.5,\"reason\":\"quest\"}")), "amount");
        assertFieldRejected(refused(400, () -> api.raw("POST", path(id) + "/experience", owner.token(),
                "application/json", "{\"amount\":\"5\",\"reason\":\"quest\"}")), "amount");
        assertFieldRejected(refused(400, () -> api.raw("POST", path(id) + "/experience", owner.token(),
                "application/json", "{\"amount\":5,\"reason\":5}")), "reason");
    }

    @Test
    void anExperienceReasonBlankOrOverTwoHundredCharactersIsRejected() {
        assertFieldRejected(refused(400, () -> api.post(path(id) + "/experience", owner.token(),
                Api.map("amount", 10, "reason", "  "))), "reason");
        assertFieldRejected(refused(400, () -> api.post(path(id) + "/experience", owner.token(),
                Api.map("amount", 10, "reason", "r".repeat(201)))), "reason");
        assertFieldRejected(refused(400, () -> api.post(path(id) + "/experience", owner.token(),
                Api.map("amount", 10))), "reason");

        assertChanged(api.post(path(id) + "/experience", owner.token(), Api.map("amount", 10, "reason", "r".repeat(200))),
                2);
    }

    @Test
    void anExperienceReasonWithANullCharacterIsRejected() {
        assertFieldRejected(refused(400, () -> api.raw("POST", path(id) + "/experience", owner.token(),
                "application/json", "{\"amount\":5,\"reason\":\"nul\\u0000l\"}")), "reason");
    }

    @Test
    void anExperienceReasonIsCountedInCharacters() {
        Answer gained = api.post(path(id) + "/experience", owner.token(),
                Api.map("amount", 10, "reason", "\uD83D\uDC09".repeat(200)));

        assertThat(gained.status()).as("200 emoji as a reason: %s", gained.body()).isEqualTo(200);
    }

    @Test
    void visibilityChangesBothWays() {
        Answer shown = api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));
        assertChanged(shown, 2);
        assertThat(shown.text("visibility")).isEqualTo("PUBLIC");
        assertThat(api.get(path(id), null).status()).isEqualTo(200);

        Answer hidden = api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PRIVATE"));
        assertChanged(hidden, 3);
        assertThat(hidden.text("visibility")).isEqualTo("PRIVATE");
        assertProblem(api.get(path(id), null), 404);
    }

    @Test
    void anUnknownVisibilityIsRejectedListingTheAllowedValues() {
        Answer answer = assertFieldRejected(refused(400, () -> api.put(path(id) + "/visibility", owner.token(),
                Api.map("visibility", "FRIENDS"))), "visibility");
        assertThat(answer.response().body()).contains("PUBLIC", "PRIVATE");
    }

    @Test
    void eachChangeRaisesTheVersionByOne() {
        assertChanged(rename(owner.token(), "Frodo Baggins"), 2);
        assertChanged(api.put(path(id) + "/attributes", owner.token(), Api.map("charisma", 15)), 3);
        assertChanged(gain(100), 4);
        assertChanged(api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC")), 5);
        assertThat(versionRows(id)).isEqualTo(5);
        assertThat(api.get(path(id), null).header("ETag")).isEqualTo("\"5\"");
    }

    @Test
    void changesNeedAToken() {
        refused(401, () -> rename(null, "Thief"));
        refused(401, () -> api.delete(path(id), null));
    }

    @Test
    void changingAnUnknownCharacterIsNotFound() {
        UUID unknown = UUID.randomUUID();
        long events = eventCount();

        assertProblem(api.put(path(unknown) + "/name", owner.token(), Api.map("name", "Ghost")), 404);
        assertProblem(api.delete(path(unknown), owner.token()), 404);

        assertThat(eventCount()).isEqualTo(events);
    }

    // who may change

    @Test
    void aStrangerMayNotChangeAPublicCharacter() {
        makePublic();

        refused(403, () -> rename(stranger.token(), "Stolen"));
        refused(403, () -> api.put(path(id) + "/attributes", stranger.token(), Api.map("strength", 30)));
        refused(403, () -> api.post(path(id) + "/experience", stranger.token(), Api.map("amount", 5, "reason", "x")));
        refused(403, () -> api.put(path(id) + "/visibility", stranger.token(), Api.map("visibility", "PRIVATE")));
        refused(403, () -> api.delete(path(id), stranger.token()));
        assertThat(api.get(path(id), null).text("name")).isEqualTo("Frodo");
    }

    @Test
    void aStrangerCannotSeeAPrivateCharacterToChangeIt() {
        refused(404, () -> rename(stranger.token(), "Stolen"));
        refused(404, () -> api.put(path(id) + "/attributes", stranger.token(), Api.map("strength", 30)));
        refused(404, () -> api.post(path(id) + "/experience", stranger.token(), Api.map("amount", 5, "reason", "x")));
        refused(404, () -> api.put(path(id) + "/visibility", stranger.token(), Api.map("visibility", "PUBLIC")));
        refused(404, () -> api.delete(path(id), stranger.token()));
    }

    // retirement

    @Test
    void retiringAnswersNoContentAndMarksTheCharacterRetired() {
        Answer retired = api.delete(path(id), owner.token());

        assertThat(retired.status()).isEqualTo(204);
        assertThat(retired.response().body()).isEmpty();
        Answer read = api.get(path(id), owner.token());
        assertThat(read.text("status")).isEqualTo("RETIRED");
        assertThat(read.version()).isEqualTo(2);
        assertThat(eventCount(id)).isEqualTo(2);
        assertThat(versionRows(id)).isEqualTo(2);
    }

    @Test
    void retiringTwiceIsAConflict() {
        assertThat(api.delete(path(id), owner.token()).status()).isEqualTo(204);

        refused(409, () -> api.delete(path(id), owner.token()));
    }

    @Test
    void aRetiredCharacterRefusesChanges() {
        assertThat(api.delete(path(id), owner.token()).status()).isEqualTo(204);

        refused(409, () -> rename(owner.token(), "Back"));
        refused(409, () -> api.put(path(id) + "/attributes", owner.token(), Api.map("strength", 9)));
        refused(409, () -> gain(10));
        refused(409, () -> api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC")));
    }

    // If-Match

    @Test
    void aStaleIfMatchIsRefusedAndStoresNothing() {
        assertChanged(rename(owner.token(), "Frodo Baggins"), 2);

        refused(412, () -> rename(owner.token(), "Too late", "If-Match", "\"1\""));
        refused(412, () -> gain(5, "If-Match", "\"3\""));
        refused(412, () -> api.delete(path(id), owner.token(), "If-Match", "\"1\""));
        assertThat(api.get(path(id), owner.token()).text("name")).isEqualTo("Frodo Baggins");
    }

    @Test
    void aCurrentIfMatchIsApplied() {
        assertChanged(rename(owner.token(), "Frodo Baggins", "If-Match", "\"1\""), 2);
        assertChanged(api.put(path(id) + "/attributes", owner.token(), Api.map("strength", 9), "If-Match", "\"2\""), 3);
        assertChanged(gain(5, "If-Match", "\"3\""), 4);
        assertChanged(api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"),
                "If-Match", "\"4\""), 5);
        assertThat(api.delete(path(id), owner.token(), "If-Match", "\"5\"").status()).isEqualTo(204);
    }

    @Test
    void aWeakIfMatchIsAccepted() {
        assertChanged(rename(owner.token(), "Frodo Baggins", "If-Match", "W/\"1\""), 2);
        refused(412, () -> rename(owner.token(), "Stale", "If-Match", "W/\"1\""));
    }

    @Test
    void aMalformedIfMatchIsABadRequest() {
        refused(400, () -> rename(owner.token(), "X", "If-Match", "\"abc\""));
        refused(400, () -> rename(owner.token(), "X", "If-Match", "\"0\""));
        refused(400, () -> rename(owner.token(), "X", "If-Match", "\"-1\""));
        refused(400, () -> gain(5, "If-Match", "yesterday"));
    }
}
