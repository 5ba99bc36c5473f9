package app.characters.infra.gameplay;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.catalogue.StarterSkills;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * The skill catalogue: the starter skills a fresh service holds, and what an admin may add.
 * Skills these tests define have ids starting with {@code test-}, so they never count as starter skills.
 */
class SkillCatalogueApiTest extends ServiceTest {

    private static final Set<String> STARTER_IDS =
            StarterSkills.SKILLS.stream().map(SkillDefinition::id).collect(Collectors.toSet());

    @Autowired
    private StarterSkills starterSkills;

    @Test
    void aFreshServiceHasDefinedTheStarterCatalogueExactlyOnce() {
        assertThat(starterSkillEvents()).isEqualTo(35);
        assertThat(jdbc.queryForList("""
                select aggregate_identifier from domain_event_entry
                where payload_type like '%SkillDefined' group by aggregate_identifier having count(*) > 1
                """, String.class)).isEmpty();
        assertThat(jdbc.queryForList("select aggregate_identifier from domain_event_entry where payload_type like"
                + " '%SkillDefined' and aggregate_identifier not like 'test-%'", String.class))
                .containsExactlyInAnyOrderElementsOf(STARTER_IDS);
    }

    @Test
    void startingAgainDefinesNoStarterSkillTwice() throws Exception {
        starterSkills.run(new DefaultApplicationArguments());

        assertThat(starterSkillEvents()).isEqualTo(35);
    }

    @Test
    void theStarterCatalogueSpansAllSevenCategoriesWithChainsThreeDeep() {
        Map<String, JsonNode> catalogue = wholeCatalogue();

        assertThat(catalogue.keySet()).containsAll(STARTER_IDS);
        assertThat(STARTER_IDS).hasSizeGreaterThanOrEqualTo(30);
        Set<SkillCategory> categories = EnumSet.noneOf(SkillCategory.class);
        for (String id : STARTER_IDS) {
            JsonNode skill = catalogue.get(id);
            categories.add(SkillCategory.valueOf(skill.path("category").asText()));
            for (JsonNode prerequisite : skill.path("prerequisites")) {
                assertThat(catalogue).as("prerequisite of %s", id).containsKey(prerequisite.path("skillId").asText());
                assertThat(prerequisite.path("minProficiency").asText()).isNotBlank();
            }
        }
        assertThat(categories).containsExactlyInAnyOrder(SkillCategory.values());
        int deepest = STARTER_IDS.stream().mapToInt(id -> depth(catalogue, id)).max().orElse(0);
        assertThat(deepest).isEqualTo(3);
    }

    @Test
    void theCatalogueIsReadWithoutATokenAndFiltersByCategory() {
        Answer magic = api.get("/api/v1/skills?category=MAGIC&size=100", null);

        assertThat(magic.status()).isEqualTo(200);
        assertThat(magic.body().path("page").asInt()).isZero();
        assertThat(magic.body().path("size").asInt()).isEqualTo(100);
        assertThat(magic.body().path("items")).isNotEmpty()
                .allSatisfy(skill -> assertThat(skill.path("category").asText()).isEqualTo("MAGIC"));
        assertThat(magic.body().path("items").findValuesAsText("id")).contains("fireball", "arcane-lore");
        assertThat(magic.body().path("total").asLong()).isEqualTo(magic.body().path("items").size());
    }

    @Test
    void theCatalogueIsPaged() {
        Answer first = api.get("/api/v1/skills?size=5", null);
        Answer second = api.get("/api/v1/skills?page=1&size=5", null);

        assertThat(first.body().path("items")).hasSize(5);
        assertThat(second.body().path("items")).hasSize(5);
        assertThat(first.body().path("total").asLong()).isGreaterThanOrEqualTo(35);
        assertThat(first.body().path("items").findValuesAsText("id"))
                .doesNotContainAnyElementsOf(second.body().path("items").findValuesAsText("id"));
    }

    @Test
    void anUnknownCategoryIsA400() {
        Answer refused = api.get("/api/v1/skills?category=COOKING", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("category");
    }

    @Test
    void anAdminDefinesASkillWithPrerequisites() {
        String id = newId();
        long events = eventCount();

        Answer created = api.post("/api/v1/skills", admin().token(), Api.map("id", id, "name", " Chain Lightning ",
                "category", "MAGIC", "minLevel", 5,
                "prerequisites", List.of(Map.of("skillId", "fireball", "minProficiency", "ADEPT"))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/skills/" + id);
        assertThat(created.text("id")).isEqualTo(id);
        assertThat(created.text("name")).isEqualTo("Chain Lightning");
        assertThat(created.text("category")).isEqualTo("MAGIC");
        assertThat(created.body().path("minLevel").asInt()).isEqualTo(5);
        assertThat(created.body().path("prerequisites").get(0).path("skillId").asText()).isEqualTo("fireball");
        assertThat(created.body().path("prerequisites").get(0).path("minProficiency").asText()).isEqualTo("ADEPT");
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(wholeCatalogue()).containsKey(id);
        Answer read = api.get(created.header("Location"), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-skill", "Not%20A%20Slug"})
    void aSkillThatIsNotInTheCatalogueIsA404(String id) {
        Answer missing = api.get("/api/v1/skills/" + id, null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutAMinimumLevelASkillStartsAtLevelOne() {
        Answer created = api.post("/api/v1/skills", admin().token(),
                Api.map("id", newId(), "name", "Whistling", "category", "SOCIAL"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("minLevel").asInt()).isEqualTo(1);
        assertThat(created.body().path("prerequisites")).isEmpty();
    }

    @Test
    void anIdInTheCatalogueAlreadyIsA409() {
        User admin = admin();
        String id = newId();
        assertThat(api.post("/api/v1/skills", admin.token(), skill(id)).status()).isEqualTo(201);
        long events = eventCount();

        Answer again = api.post("/api/v1/skills", admin.token(), skill(id));
        Answer starter = api.post("/api/v1/skills", admin.token(), skill("fireball"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(starter.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownPrerequisiteIsA422NamingIt() {
        long events = eventCount();

        Answer refused = api.post("/api/v1/skills", admin().token(), Api.map("id", newId(), "name", "Volley II",
                "category", "COMBAT", "prerequisites", List.of(Map.of("skillId", "no-such-skill", "minProficiency", "NOVICE"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("no-such-skill");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSkillThatRequiresItselfIsA422() {
        String id = newId();
        long events = eventCount();

        Answer refused = api.post("/api/v1/skills", admin().token(), Api.map("id", id, "name", "Ouroboros",
                "category", "KNOWLEDGE", "prerequisites", List.of(Map.of("skillId", id, "minProficiency", "NOVICE"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get("/api/v1/skills?category=KNOWLEDGE&size=100", null).body().path("items")
                .findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void aNormalUserMayNotDefineSkills() {
        User user = api.signUp();
        long events = eventCount();

        Answer refused = api.post("/api/v1/skills", user.token(), skill(newId()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void definingSkillsNeedsAToken() {
        long events = eventCount();

        Answer refused = api.post("/api/v1/skills", null, skill(newId()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(eventCount()).isEqualTo(events);
    }

    static Stream<Arguments> badSkills() {
        return Stream.of(
                Arguments.of("an id that is not a slug", "{\"id\":\"Fire Ball\",\"name\":\"X\",\"category\":\"MAGIC\"}", "id"),
                Arguments.of("an id of 65 characters", "{\"id\":\"" + "a".repeat(65) + "\",\"name\":\"X\",\"category\":\"MAGIC\"}", "id"),
                Arguments.of("no name", "{\"id\":\"test-nameless\",\"category\":\"MAGIC\"}", "name"),
                Arguments.of("an unknown category", "{\"id\":\"test-cook\",\"name\":\"X\",\"category\":\"COOKING\"}", "category"),
                Arguments.of("no category", "{\"id\":\"test-nocat\",\"name\":\"X\"}", "category"),
                Arguments.of("level 0", "{\"id\":\"test-zero\",\"name\":\"X\",\"category\":\"MAGIC\",\"minLevel\":0}", "minLevel"),
                Arguments.of("level 21", "{\"id\":\"test-high\",\"name\":\"X\",\"category\":\"MAGIC\",\"minLevel\":21}", "minLevel"),
                Arguments.of("a level as a string", "{\"id\":\"test-str\",\"name\":\"X\",\"category\":\"MAGIC\",\"minLevel\":\"3\"}", "minLevel"),
                Arguments.of("an unknown proficiency", "{\"id\":\"test-prof\",\"name\":\"X\",\"category\":\"MAGIC\",\"prerequisites\":[{\"skillId\":\"fireball\",\"minProficiency\":\"GURU\"}]}", "prerequisites"),
                Arguments.of("a prerequisite without proficiency", "{\"id\":\"test-noprof\",\"name\":\"X\",\"category\":\"MAGIC\",\"prerequisites\":[{\"skillId\":\"fireball\"}]}", "prerequisites"),
                Arguments.of("an unknown field", "{\"id\":\"test-extra\",\"name\":\"X\",\"category\":\"MAGIC\",\"cost\":3}", "cost"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSkills")
    void aBadDefinitionIsA400NamingTheFieldAndStoresNothing(String why, String body, String field) {
        User admin = admin();
        long events = eventCount();

        Answer refused = api.raw("POST", "/api/v1/skills", admin.token(), "application/json", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").findValuesAsText("field")).anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(eventCount()).isEqualTo(events);
    }

    private long starterSkillEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%SkillDefined'"
                + " and aggregate_identifier not like 'test-%'", Long.class);
    }

    private Map<String, JsonNode> wholeCatalogue() {
        Map<String, JsonNode> catalogue = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("/api/v1/skills?size=100&page=" + page, null).body();
            body.path("items").forEach(skill -> catalogue.put(skill.path("id").asText(), skill));
            if ((long) (page + 1) * 100 >= body.path("total").asLong()) {
                return catalogue;
            }
        }
    }

    /** How many prerequisite links the longest chain below a skill has. */
    private static int depth(Map<String, JsonNode> catalogue, String id) {
        int deepest = 0;
        for (JsonNode prerequisite : catalogue.get(id).path("prerequisites")) {
            deepest = Math.max(deepest, 1 + depth(catalogue, prerequisite.path("skillId").asText()));
        }
        return deepest;
    }

    private static Map<String, Object> skill(String id) {
        return Api.map("id", id, "name", "Skill " + id, "category", "CRAFTING", "minLevel", 2,
                "prerequisites", new ArrayList<>());
    }

    private static String newId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
