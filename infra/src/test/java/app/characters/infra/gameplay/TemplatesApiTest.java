package app.characters.infra.gameplay;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Templates table of the contract, over HTTP. */
class TemplatesApiTest extends ServiceTest {

    private User owner;
    private UUID id;
    private Answer built;

    /** A wizard with attributes, a worn and a carried item and two skills. */
    @BeforeEach
    void aCharacterWithABuild() {
        owner = api.signUp();
        id = api.post("/api/v1/characters", owner.token(), Api.map("name", "Merlin", "race", "ELF",
                "characterClass", "WIZARD", "attributes", Map.of("intelligence", 18, "strength", 7))).id();
        api.addItem(owner, id, "Staff", "WEAPON", Map.of("intelligence", 2));
        UUID staff = api.addItem(owner, id, "Potion", "CONSUMABLE", Map.of()).itemId("Staff");
        api.raw("PUT", character() + "/equipment/" + staff + "/equipped", owner.token(), null, null);
        api.post(character() + "/skills", owner.token(), Api.map("skillId", "arcane-lore"));
        api.put(character() + "/skills/arcane-lore", owner.token(), Api.map("proficiency", "APPRENTICE"));
        built = api.post(character() + "/skills", owner.token(), Api.map("skillId", "history"));
        assertThat(built.version()).isEqualTo(7);
    }

    @Test
    void savingATemplateAnswers201WithTheBuild() {
        Answer saved = save(owner, "Battle mage", "PUBLIC");

        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.header("Location")).endsWith("/api/v1/templates/" + saved.id());
        assertThat(saved.text("name")).isEqualTo("Battle mage");
        assertThat(saved.text("race")).isEqualTo("ELF");
        assertThat(saved.text("characterClass")).isEqualTo("WIZARD");
        assertThat(saved.text("visibility")).isEqualTo("PUBLIC");
        assertThat(saved.text("ownerId")).isEqualTo(owner.id().toString());
        assertThat(saved.body().path("attributes")).isEqualTo(built.body().path("attributes"));
        assertThat(saved.body().path("skills")).isEqualTo(built.body().path("skills"));
        assertThat(saved.body().path("equipment").findValuesAsText("name")).containsExactly("Staff", "Potion");
        assertThat(saved.body().path("equipment"))
                .allSatisfy(item -> assertThat(item.path("equipped").asBoolean()).isFalse());
    }

    @Test
    void savingATemplateDoesNotChangeTheCharacter() {
        long events = eventCount();

        assertThat(save(owner, "Snapshot", "PRIVATE").status()).isEqualTo(201);

        Answer after = api.get(character(), owner.token());
        assertThat(after.version()).isEqualTo(7);
        assertThat(after.header("ETag")).isEqualTo("\"7\"");
        assertThat(after.body()).isEqualTo(built.body());
        assertThat(api.get(character() + "/versions", owner.token()).body().path("total").asLong()).isEqualTo(7);
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id.toString())).isEqualTo(7);
    }

    @Test
    void aTemplateNameIsCountedInCharactersLikeACharactersName() {
        String dragons = "\uD83D\uDC09".repeat(64);

        Answer saved = save(owner, dragons, "PRIVATE");

        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.text("name")).isEqualTo(dragons);
        assertThat(save(owner, dragons + "x", "PRIVATE").status()).isEqualTo(400);
    }

    @Test
    void aTemplateIsPrivateUnlessSaidOtherwise() {
        Answer saved = api.post(character() + "/template", owner.token(), Api.map("name", "Quiet"));

        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.text("visibility")).isEqualTo("PRIVATE");
    }

    @Test
    void theListHoldsYoursAndThePublicOnesButNotAnotherUsersPrivateOnes() {
        User other = api.signUp();
        UUID othersCharacter = api.createCharacter(other, "Other").id();
        UUID minePrivate = save(owner, "Mine, private", "PRIVATE").id();
        UUID minePublic = save(owner, "Mine, public", "PUBLIC").id();
        UUID theirsPublic = api.post("/api/v1/characters/" + othersCharacter + "/template", other.token(),
                Api.map("name", "Theirs, public", "visibility", "PUBLIC")).id();
        UUID theirsPrivate = api.post("/api/v1/characters/" + othersCharacter + "/template", other.token(),
                Api.map("name", "Theirs, private", "visibility", "PRIVATE")).id();

        Set<UUID> mine = templatesVisibleTo(owner);
        Set<UUID> theirs = templatesVisibleTo(other);

        assertThat(mine).contains(minePrivate, minePublic, theirsPublic).doesNotContain(theirsPrivate);
        assertThat(theirs).contains(theirsPrivate, theirsPublic, minePublic).doesNotContain(minePrivate);
        assertThat(api.get("/api/v1/templates/" + theirsPrivate, owner.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/templates/" + theirsPublic, owner.token()).status()).isEqualTo(200);
    }

    @Test
    void theListIsPagedAndNeedsAToken() {
        save(owner, "One", "PRIVATE");
        save(owner, "Two", "PRIVATE");

        Answer page = api.get("/api/v1/templates?size=1", owner.token());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items")).hasSize(1);
        assertThat(page.body().path("size").asInt()).isEqualTo(1);
        assertThat(page.body().path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/templates", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/templates?size=101", owner.token()).status()).isEqualTo(400);
    }

    @Test
    void aCharacterFromATemplateStartsWithItsBuildUnequippedUnderNewItemIds() {
        JsonNode template = save(owner, "Battle mage", "PRIVATE").body();

        Answer created = api.post("/api/v1/characters", owner.token(),
                Api.map("name", "Merlin II", "templateId", template.path("id").asText()));

        assertThat(created.status()).isEqualTo(201);
        JsonNode copy = created.body();
        assertThat(copy.path("name").asText()).isEqualTo("Merlin II");
        assertThat(copy.path("version").asLong()).isEqualTo(1);
        assertThat(copy.path("createdFromTemplate").asText()).isEqualTo(template.path("id").asText());
        assertThat(copy.path("race").asText()).isEqualTo("ELF");
        assertThat(copy.path("characterClass").asText()).isEqualTo("WIZARD");
        assertThat(copy.path("attributes")).isEqualTo(template.path("attributes"));
        assertThat(copy.path("effectiveAttributes")).isEqualTo(template.path("attributes"));
        assertThat(copy.path("skills")).isEqualTo(template.path("skills"));
        assertThat(copy.path("experience").asLong()).isZero();
        assertThat(copy.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(copy.path("equipment").findValuesAsText("name")).containsExactly("Staff", "Potion");
        assertThat(copy.path("equipment")).allSatisfy(item -> assertThat(item.path("equipped").asBoolean()).isFalse());
        Set<String> oldIds = new HashSet<>(template.path("equipment").findValuesAsText("id"));
        oldIds.addAll(built.body().path("equipment").findValuesAsText("id"));
        assertThat(copy.path("equipment").findValuesAsText("id")).doesNotContainAnyElementsOf(oldIds);
        assertThat(api.get("/api/v1/characters/" + created.id(), owner.token()).body()).isEqualTo(copy);
        assertThat(jdbc.queryForObject("select count(*) from character_item where character_id = ?", Long.class,
                created.id())).isEqualTo(2);
    }

    @Test
    void everyCharacterFromOneTemplateGetsItsOwnItems() {
        UUID template = save(owner, "Battle mage", "PRIVATE").id();

        Answer first = api.post("/api/v1/characters", owner.token(), Api.map("name", "First", "templateId", template));
        Answer second = api.post("/api/v1/characters", owner.token(), Api.map("name", "Second", "templateId", template));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(first.body().path("equipment").findValuesAsText("id"))
                .hasSize(2).doesNotContainAnyElementsOf(second.body().path("equipment").findValuesAsText("id"));
        UUID staff = second.itemId("Staff");
        Answer worn = api.raw("PUT", "/api/v1/characters/" + second.id() + "/equipment/" + staff + "/equipped",
                owner.token(), null, null);
        assertThat(worn.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/characters/" + first.id(), owner.token()).item("Staff").path("equipped").asBoolean())
                .isFalse();
    }

    @Test
    void anotherUsersPublicTemplateMayBeUsed() {
        UUID template = save(owner, "Shared", "PUBLIC").id();
        User other = api.signUp();

        Answer created = api.post("/api/v1/characters", other.token(), Api.map("name", "Borrowed", "templateId", template));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("ownerId")).isEqualTo(other.id().toString());
        assertThat(created.text("createdFromTemplate")).isEqualTo(template.toString());
    }

    @Test
    void anotherUsersPrivateTemplateIsA404AndCreatesNothing() {
        UUID template = save(owner, "Secret", "PRIVATE").id();
        User other = api.signUp();
        long events = eventCount();

        Answer refused = api.post("/api/v1/characters", other.token(), Api.map("name", "Thief", "templateId", template));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get("/api/v1/characters", other.token()).body().path("total").asLong()).isZero();
    }

    @Test
    void anUnknownTemplateIsA404() {
        long events = eventCount();

        Answer refused = api.post("/api/v1/characters", owner.token(),
                Api.map("name", "Nobody", "templateId", UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aTemplateComesWithoutRaceClassOrAttributes() {
        UUID template = save(owner, "Battle mage", "PRIVATE").id();
        long events = eventCount();

        Answer refused = api.post("/api/v1/characters", owner.token(),
                Api.map("name", "Mixed", "templateId", template, "race", "DWARF"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).contains("templateId");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStrangerCannotFindAPrivateCharacterToSave() {
        User stranger = api.signUp();
        long events = eventCount();

        Answer refused = save(stranger, "Copy", "PRIVATE");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStrangerMayNotSaveAPublicCharacterAsTheirTemplate() {
        api.put(character() + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));
        User stranger = api.signUp();
        long events = eventCount();

        Answer refused = save(stranger, "Copy", "PRIVATE");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void savingATemplateOfAnUnknownCharacterIsA404() {
        Answer refused = api.post("/api/v1/characters/" + UUID.randomUUID() + "/template", owner.token(),
                Api.map("name", "Ghost"));

        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void savingATemplateNeedsAToken() {
        assertThat(api.post(character() + "/template", null, Api.map("name", "Anon")).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":\"  \"}", "{\"name\":\"ok\",\"visibility\":\"SECRET\"}",
            "{\"name\":\"ok\",\"colour\":\"red\"}", "{\"name\":12}"})
    void aBadTemplateRequestIsA400AndStoresNothing(String body) {
        long events = eventCount();

        Answer refused = api.raw("POST", character() + "/template", owner.token(), "application/json", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    private Answer save(User user, String name, String visibility) {
        return api.post(character() + "/template", user.token(), Api.map("name", name, "visibility", visibility));
    }

    private Set<UUID> templatesVisibleTo(User user) {
        Set<UUID> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("/api/v1/templates?size=100&page=" + page, user.token()).body();
            body.path("items").forEach(template -> ids.add(UUID.fromString(template.path("id").asText())));
            if ((long) (page + 1) * 100 >= body.path("total").asLong()) {
                return ids;
            }
        }
    }

    private String character() {
        return "/api/v1/characters/" + id;
    }
}
