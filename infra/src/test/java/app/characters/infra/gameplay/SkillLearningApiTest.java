package app.characters.infra.gameplay;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Learning and improving skills of the starter catalogue, over HTTP. */
class SkillLearningApiTest extends ServiceTest {

    private User owner;
    private UUID id;

    @BeforeEach
    void aCharacter() {
        owner = api.signUp();
        id = api.createCharacter(owner, "Aragorn").id();
    }

    @Test
    void aSkillIsLearnedAtNovice() {
        Answer learned = learn("swordplay");

        assertThat(learned.status()).isEqualTo(201);
        assertThat(learned.version()).isEqualTo(2);
        assertThat(learned.header("ETag")).isEqualTo("\"2\"");
        assertThat(learned.body().path("skills")).hasSize(1);
        assertThat(learned.body().path("skills").get(0).path("skillId").asText()).isEqualTo("swordplay");
        assertThat(learned.body().path("skills").get(0).path("proficiency").asText()).isEqualTo("NOVICE");
        assertThat(api.get(character(), owner.token()).body().path("skills")).isEqualTo(learned.body().path("skills"));
        assertThat(jdbc.queryForObject("select proficiency from character_skill where character_id = ? and skill_id = ?",
                String.class, id, "swordplay")).isEqualTo("NOVICE");
    }

    @Test
    void aSkillAboveTheCharactersLevelIsA422NamingTheLevel() {
        long events = eventCount();

        Answer refused = learn("shield-wall");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("shield-wall").contains("level 3 (is 1)");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSkillIsLearnedOnceEveryPrerequisiteIsKnownWellEnough() {
        gainExperience(300);

        Answer notLearned = learn("parry");
        assertThat(notLearned.status()).isEqualTo(422);
        assertThat(notLearned.text("detail")).contains("swordplay at APPRENTICE (not learned)");

        learn("swordplay");
        Answer tooLittle = learn("parry");
        assertThat(tooLittle.status()).isEqualTo(422);
        assertThat(tooLittle.text("detail")).contains("swordplay at APPRENTICE (is NOVICE)");

        assertThat(improve("swordplay", "APPRENTICE").status()).isEqualTo(200);
        Answer learned = learn("parry");
        assertThat(learned.status()).isEqualTo(201);
        assertThat(learned.body().path("skills").findValuesAsText("skillId")).containsExactly("swordplay", "parry");
    }

    @Test
    void everyShortfallIsNamedAndNothingIsStored() {
        learn("swordplay");
        long events = eventCount();

        Answer refused = learn("riposte");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("level 4 (is 1)").contains("parry at ADEPT (not learned)");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSkillNotInTheCatalogueIsA422() {
        long events = eventCount();

        Answer refused = learn("no-such-skill");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("no-such-skill");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSkillLearnedAlreadyIsA422() {
        learn("sneak");
        long events = eventCount();

        assertThat(learn("sneak").status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void proficiencyRisesOneStepAtATimeUpToMaster() {
        learn("sneak");
        List<String> steps = List.of("APPRENTICE", "ADEPT", "EXPERT", "MASTER");
        for (int i = 0; i < steps.size(); i++) {
            Answer improved = improve("sneak", steps.get(i));

            assertThat(improved.status()).isEqualTo(200);
            assertThat(improved.version()).isEqualTo(3 + i);
            assertThat(improved.body().path("skills").get(0).path("proficiency").asText()).isEqualTo(steps.get(i));
        }
        assertThat(improve("sneak", "MASTER").status()).isEqualTo(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADEPT", "EXPERT", "MASTER", "NOVICE"})
    void aJumpOrNoStepIsA422AndStoresNothing(String proficiency) {
        learn("sneak");
        long events = eventCount();

        Answer refused = improve("sneak", proficiency);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("one step").contains("APPRENTICE");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get(character(), owner.token()).body().path("skills").get(0).path("proficiency").asText())
                .isEqualTo("NOVICE");
    }

    @Test
    void aSkillNotLearnedCannotBeImproved() {
        long events = eventCount();

        Answer refused = improve("sneak", "APPRENTICE");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownProficiencyIsA400NamingTheAllowedValues() {
        learn("sneak");
        long events = eventCount();

        Answer refused = api.raw("PUT", character() + "/skills/sneak", owner.token(), "application/json",
                "{\"proficiency\":\"GURU\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("proficiency").contains("APPRENTICE");
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"proficiency\":null}", "{\"proficiency\":1}", "{\"proficiency\":\"APPRENTICE\",\"x\":1}"})
    void aBadImprovementIsA400(String body) {
        learn("sneak");
        long events = eventCount();

        Answer refused = api.raw("PUT", character() + "/skills/sneak", owner.token(), "application/json", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"skillId\":\"Fire Ball\"}", "{\"skillId\":7}", "{\"skillId\":\"\"}",
            "{\"skillId\":\"sneak\",\"proficiency\":\"MASTER\"}"})
    void aBadSkillRequestIsA400(String body) {
        long events = eventCount();

        Answer refused = api.raw("POST", character() + "/skills", owner.token(), "application/json", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void skillsNeedATokenAndTheOwner() {
        User stranger = api.signUp();
        long events = eventCount();

        assertThat(api.post(character() + "/skills", null, Api.map("skillId", "sneak")).status()).isEqualTo(401);
        assertThat(api.post(character() + "/skills", stranger.token(), Api.map("skillId", "sneak")).status())
                .isEqualTo(404);
        api.put(character() + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));
        long afterVisibility = eventCount();
        assertThat(api.post(character() + "/skills", stranger.token(), Api.map("skillId", "sneak")).status())
                .isEqualTo(403);
        assertThat(afterVisibility).isEqualTo(events + 1);
        assertThat(eventCount()).isEqualTo(afterVisibility);
    }

    @Test
    void anUnknownCharacterIsNotFound() {
        String nobody = "/api/v1/characters/" + UUID.randomUUID();
        long events = eventCount();

        assertThat(api.post(nobody + "/skills", owner.token(), Api.map("skillId", "sneak")).status()).isEqualTo(404);
        assertThat(api.put(nobody + "/skills/sneak", owner.token(), Api.map("proficiency", "APPRENTICE")).status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    private Answer learn(String skillId) {
        return api.post(character() + "/skills", owner.token(), Api.map("skillId", skillId));
    }

    private Answer improve(String skillId, String proficiency) {
        return api.put(character() + "/skills/" + skillId, owner.token(), Api.map("proficiency", proficiency));
    }

    private void gainExperience(long amount) {
        JsonNode body = api.post(character() + "/experience", owner.token(),
                Api.map("amount", amount, "reason", "training")).body();
        assertThat(body.path("level").asInt()).isGreaterThan(1);
    }

    private String character() {
        return "/api/v1/characters/" + id;
    }
}
