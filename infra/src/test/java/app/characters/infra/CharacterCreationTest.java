package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacterCreationTest extends ServiceTest {

    private static final List<String> ATTRIBUTES =
            List.of("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma");

    private User owner;

    @BeforeEach
    void signUp() {
        owner = api.signUp();
    }

    private Answer create(String json) {
        return api.raw("POST", "/api/v1/characters", owner.token(), "application/json", json);
    }

    /** The request is refused as a problem with that status, and nothing is stored. */
    private Answer refusedWithoutStoring(int status, String json) {
        long events = eventCount();
        Answer answer = assertProblem(create(json), status);
        assertThat(eventCount()).as("events after %s", json).isEqualTo(events);
        return answer;
    }

    private Answer rejectsField(String field, String json) {
        Answer answer = refusedWithoutStoring(400, json);
        assertThat(fields(answer)).as("fields named for %s", json).contains(field);
        return answer;
    }

    @Test
    void createdCharacterStartsAtVersionOneWithTheDefaults() {
        Instant before = Instant.now().minusSeconds(5);

        Answer created = api.post("/api/v1/characters", owner.token(),
                Api.map("name", "Thorin", "race", "DWARF", "characterClass", "FIGHTER"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        UUID id = created.id();
        assertThat(created.header("Location")).endsWith("/api/v1/characters/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = created.body();
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("ownerId").asText()).isEqualTo(owner.id().toString());
        assertThat(body.path("name").asText()).isEqualTo("Thorin");
        assertThat(body.path("race").asText()).isEqualTo("DWARF");
        assertThat(body.path("characterClass").asText()).isEqualTo("FIGHTER");
        for (String attribute : ATTRIBUTES) {
            assertThat(body.path("attributes").path(attribute).asInt()).as(attribute).isEqualTo(10);
            assertThat(body.path("effectiveAttributes").path(attribute).asInt()).as(attribute).isEqualTo(10);
        }
        assertThat(body.path("experience").asLong()).isZero();
        assertThat(body.path("level").asInt()).isEqualTo(1);
        assertThat(body.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("equipment").isArray()).isTrue();
        assertThat(body.path("equipment")).isEmpty();
        assertThat(body.path("skills")).isEmpty();
        assertThat(body.path("createdFromTemplate").isNull()).isTrue();
        assertThat(Instant.parse(body.path("createdAt").asText())).isAfter(before);
        assertThat(body.path("updatedAt").asText()).isEqualTo(body.path("createdAt").asText());
        assertThat(eventCount(id)).isEqualTo(1);

        Answer read = api.get(created.header("Location"), owner.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(body);
    }

    @Test
    void givenAttributesAreKeptAndTheOthersDefaultToTen() {
        Answer created = api.post("/api/v1/characters", owner.token(), Api.map("name", "Lia", "race", "ELF",
                "characterClass", "WIZARD", "attributes", Api.map("intelligence", 18, "strength", 1, "wisdom", 30)));

        assertThat(created.status()).isEqualTo(201);
        JsonNode attributes = created.body().path("attributes");
        assertThat(attributes.path("intelligence").asInt()).isEqualTo(18);
        assertThat(attributes.path("strength").asInt()).isEqualTo(1);
        assertThat(attributes.path("wisdom").asInt()).isEqualTo(30);
        assertThat(attributes.path("dexterity").asInt()).isEqualTo(10);
        assertThat(created.body().path("effectiveAttributes")).isEqualTo(attributes);
    }

    @Test
    void theNameIsStoredTrimmed() {
        Answer created = api.post("/api/v1/characters", owner.token(),
                Api.map("name", "   Gimli the Bold \t ", "race", "DWARF", "characterClass", "BARBARIAN"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo("Gimli the Bold");
        assertThat(api.get(path(created.id()), owner.token()).text("name")).isEqualTo("Gimli the Bold");
    }

    @Test
    void aNameOfSixtyFourCharactersIsAccepted() {
        Answer created = api.post("/api/v1/characters", owner.token(),
                Api.map("name", "n".repeat(64), "race", "GNOME", "characterClass", "BARD"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("name")).hasSize(64);
    }

    @Test
    void aNameIsCountedInCharactersNotBytesOrChars() {
        String dragons = "\uD83D\uDC09".repeat(64);

        Answer created = api.post("/api/v1/characters", owner.token(),
                Api.map("name", dragons, "race", "DRAGONBORN", "characterClass", "SORCERER"));

        assertThat(created.status()).as("create with 64 emoji: %s", created.body()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo(dragons);
        rejectsField("name", "{\"name\":\"" + dragons + "\uD83D\uDC09\",\"race\":\"HUMAN\",\"characterClass\":\"ROGUE\"}");
    }

    @Test
    void creatingWithoutATokenIsUnauthorized() {
        long events = eventCount();

        Answer answer = api.post("/api/v1/characters", null,
                Api.map("name", "Nobody's", "race", "HUMAN", "characterClass", "ROGUE"));

        assertProblem(answer, 401);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownFieldIsRejectedNamingIt() {
        rejectsField("nickname", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","nickname":"x"}""");
        rejectsField("attributes.luck", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","attributes":{"luck":3}}""");
    }

    @Test
    void anUnknownEnumValueIsRejectedListingTheAllowedValues() {
        Answer race = rejectsField("race", """
                {"name":"A","race":"ORC","characterClass":"ROGUE"}""");
        assertThat(race.response().body()).contains("HUMAN", "HALF_ORC", "DRAGONBORN");

        Answer characterClass = rejectsField("characterClass", """
                {"name":"A","race":"HUMAN","characterClass":"NECROMANCER"}""");
        assertThat(characterClass.response().body()).contains("BARBARIAN", "WIZARD");
    }

    @Test
    void anEnumGivenByItsOrdinalIsRejected() {
        rejectsField("race", """
                {"name":"A","race":0,"characterClass":"ROGUE"}""");
    }

    @Test
    void aNumberGivenAsAStringIsRejected() {
        rejectsField("attributes.strength", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","attributes":{"strength":"10"}}""");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRejected() {
        rejectsField("attributes.strength", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","attributes":{"strength":1.5}}""");
    }

    @Test
    void aBooleanWhereANumberBelongsIsRejected() {
        rejectsField("attributes.strength", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","attributes":{"strength":true}}""");
    }

    @Test
    void aNumberTooLargeForItsFieldIsRejectedNamingIt() {
        rejectsField("attributes.strength", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","attributes":{"strength":3000000000}}""");
    }

    @Test
    void aNumberWhereTheNameBelongsIsRejected() {
        rejectsField("name", """
                {"name":5,"race":"HUMAN","characterClass":"ROGUE"}""");
    }

    @Test
    void trailingContentAfterTheBodyIsRejected() {
        refusedWithoutStoring(400, """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE"} {"name":"B"}""");
        refusedWithoutStoring(400, """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE"}x""");
    }

    @Test
    void malformedJsonIsRejected() {
        refusedWithoutStoring(400, "{\"name\":\"A\",");
        refusedWithoutStoring(400, "");
    }

    @Test
    void aBodyThatIsNullOrNotAnObjectIsRejected() {
        refusedWithoutStoring(400, "null");
        refusedWithoutStoring(400, "[]");
        refusedWithoutStoring(400, "\"Thorin\"");
    }

    @Test
    void aTemplateIdThatIsNotAUuidIsRejectedNamingIt() {
        rejectsField("templateId", """
                {"name":"A","templateId":"not-a-uuid"}""");
    }

    @Test
    void aMissingOrBlankNameIsRejected() {
        rejectsField("name", """
                {"race":"HUMAN","characterClass":"ROGUE"}""");
        rejectsField("name", """
                {"name":"   ","race":"HUMAN","characterClass":"ROGUE"}""");
    }

    @Test
    void aNameWithANullCharacterIsRejectedAndStoresNothing() {
        rejectsField("name", """
                {"name":"Nul\\u0000l","race":"HUMAN","characterClass":"ROGUE"}""");
    }

    @Test
    void aNameOfSixtyFiveCharactersIsRejected() {
        rejectsField("name", "{\"name\":\"" + "n".repeat(65) + "\",\"race\":\"HUMAN\",\"characterClass\":\"ROGUE\"}");
    }

    @Test
    void aMissingRaceOrClassIsRejected() {
        Answer answer = rejectsField("race", """
                {"name":"A"}""");
        assertThat(fields(answer)).contains("characterClass");
    }

    @Test
    void anAttributeOutsideOneToThirtyIsRejected() {
        rejectsField("attributes.strength", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","attributes":{"strength":0}}""");
        rejectsField("attributes.charisma", """
                {"name":"A","race":"HUMAN","characterClass":"ROGUE","attributes":{"charisma":31}}""");
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsTooLarge() {
        String padding = " ".repeat(64 * 1024);
        String json = "{\"name\":\"Big\",\"race\":\"HUMAN\",\"characterClass\":\"ROGUE\"}" + padding;
        long events = eventCount();

        assertProblem(create(json), 413);
        assertProblem(api.postChunked("/api/v1/characters", owner.token(), json), 413);

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted() {
        String json = "{\"name\":\"Fits\",\"race\":\"HUMAN\",\"characterClass\":\"ROGUE\"}";
        String padded = json + " ".repeat(64 * 1024 - json.length());

        assertThat(create(padded).status()).isEqualTo(201);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        long events = eventCount();

        Answer answer = api.raw("POST", "/api/v1/characters", owner.token(), "text/plain",
                "{\"name\":\"A\",\"race\":\"HUMAN\",\"characterClass\":\"ROGUE\"}");

        assertProblem(answer, 415);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void patchIsAnUnsupportedMethod() {
        UUID id = api.createCharacter(owner, "Patchy").id();
        long events = eventCount();

        Answer answer = api.raw("PATCH", path(id), owner.token(), "application/json", "{\"name\":\"B\"}");

        assertProblem(answer, 405);
        assertThat(answer.header("Allow")).isNotBlank();
        assertThat(eventCount()).isEqualTo(events);
        assertProblem(api.raw("PATCH", "/api/v1/characters", owner.token(), "application/json", "{}"), 405);
        assertProblem(api.delete("/api/v1/characters", owner.token()), 405);
    }
}
