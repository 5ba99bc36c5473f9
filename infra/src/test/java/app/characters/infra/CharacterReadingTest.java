package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacterReadingTest extends ServiceTest {

    private User owner;
    private User stranger;

    @BeforeEach
    void signUp() {
        owner = api.signUp();
        stranger = api.signUp();
    }

    private static List<UUID> ids(Answer page) {
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : page.body().path("items")) {
            ids.add(UUID.fromString(item.path("id").asText()));
        }
        return ids;
    }

    private UUID create(User user, String name, String characterClass) {
        Answer created = api.post("/api/v1/characters", user.token(),
                Api.map("name", name, "race", "HUMAN", "characterClass", characterClass));
        assertThat(created.status()).isEqualTo(201);
        return created.id();
    }

    private void retire(User user, UUID id) {
        assertThat(api.delete(path(id), user.token()).status()).isEqualTo(204);
    }

    // reading one character

    @Test
    void theOwnerReadsAPrivateCharacterWithItsVersionAsETag() {
        UUID id = api.createCharacter(owner, "Mine").id();

        Answer read = api.get(path(id), owner.token());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.text("name")).isEqualTo("Mine");
    }

    @Test
    void aChangeWrittenByAnotherNodeIsReadAtOnce() {
        UUID id = create(owner, "Kept", "FIGHTER");
        assertThat(api.get(path(id), owner.token()).body().path("name").asText()).isEqualTo("Kept"); // kept here now

        // another node's projection moves the row to version 2, which this node has not seen
        jdbc.update("""
                update character_summary set version = 2, name = 'Moved',
                state = jsonb_set(jsonb_set(state::jsonb, '{name}', '"Moved"'), '{version}', '2')::json where id = ?""", id);

        Answer read = api.get(path(id), owner.token());
        assertThat(read.body().path("name").asText()).isEqualTo("Moved");
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void theStateOfTheVersionKeptInMemoryIsServedWithoutReadingTheRowsState() {
        UUID id = create(owner, "Served", "FIGHTER");
        JsonNode first = api.get(path(id), owner.token()).body();

        // the row's version decides: a state changed without a new version (no write of this build does that) is not read
        jdbc.update("update character_summary set state = jsonb_set(state::jsonb, '{name}', '\"Other\"')::json where id = ?", id);

        assertThat(api.get(path(id), owner.token()).body()).isEqualTo(first);
        assertThat(api.get(path(id), stranger.token()).status()).isEqualTo(404); // access is still the row's
    }

    @Test
    void everyAnswerCarriesItsOwnVersionsJsonWhicheverWasAnsweredBefore() {
        UUID id = create(owner, "First", "FIGHTER");
        Answer first = api.get(path(id), owner.token());
        Answer renamed = api.put(path(id) + "/name", owner.token(), Api.map("name", "Second"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Second");

        Answer current = api.get(path(id), owner.token());
        assertThat(current.text("name")).isEqualTo("Second");
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.body()).isEqualTo(renamed.body());
        assertThat(current.contentType()).startsWith("application/json");

        Answer before = api.get(path(id) + "?asOf=" + first.text("updatedAt"), owner.token());
        assertThat(before.body()).isEqualTo(first.body()); // version 1, after version 2 was answered

        assertThat(api.get(path(id), owner.token()).response().body()).isEqualTo(current.response().body());
    }

    @Test
    void aPrivateCharacterDoesNotExistForOthers() {
        UUID id = api.createCharacter(owner, "Secret").id();

        Answer byStranger = assertProblem(api.get(path(id), stranger.token()), 404);
        Answer anonymous = assertProblem(api.get(path(id), null), 404);
        Answer unknown = assertProblem(api.get(path(UUID.randomUUID()), stranger.token()), 404);

        assertThat(byStranger.response().body()).doesNotContain("Secret");
        assertThat(byStranger.text("title")).isEqualTo(unknown.text("title"));
        assertThat(anonymous.text("title")).isEqualTo(unknown.text("title"));
    }

    @Test
    void aPublicCharacterIsReadableByAnyoneWithoutAToken() {
        UUID id = publicCharacter(owner, "Famous");

        Answer anonymous = api.get(path(id), null);
        Answer byStranger = api.get(path(id), stranger.token());

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.header("ETag")).isEqualTo("\"2\"");
        assertThat(anonymous.text("name")).isEqualTo("Famous");
        assertThat(anonymous.text("visibility")).isEqualTo("PUBLIC");
        assertThat(byStranger.status()).isEqualTo(200);
        assertThat(byStranger.body()).isEqualTo(anonymous.body());
    }

    @Test
    void theOwnerStillReadsARetiredCharacter() {
        UUID id = api.createCharacter(owner, "Old").id();
        retire(owner, id);

        Answer read = api.get(path(id), owner.token());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("RETIRED");
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void aRetiredPublicCharacterIsGoneForOthers() {
        UUID id = publicCharacter(owner, "Faded");
        retire(owner, id);

        assertProblem(api.get(path(id), stranger.token()), 410);
        assertProblem(api.get(path(id), null), 410);
    }

    @Test
    void aRetiredPrivateCharacterStaysNotFoundForOthers() {
        UUID id = api.createCharacter(owner, "Hidden").id();
        retire(owner, id);

        assertProblem(api.get(path(id), stranger.token()), 404);
        assertProblem(api.get(path(id), null), 404);
    }

    // listing my characters

    @Test
    void myCharactersComeInAPagedEnvelope() {
        Set<UUID> mine = Set.of(create(owner, "One", "BARD"), create(owner, "Two", "BARD"), create(owner, "Three", "BARD"));

        Answer first = api.get("/api/v1/characters?page=0&size=2", owner.token());
        Answer second = api.get("/api/v1/characters?page=1&size=2", owner.token());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("page").asInt()).isEqualTo(0);
        assertThat(first.body().path("size").asInt()).isEqualTo(2);
        assertThat(first.body().path("total").asLong()).isEqualTo(3);
        assertThat(ids(first)).hasSize(2);
        assertThat(second.body().path("page").asInt()).isEqualTo(1);
        assertThat(ids(second)).hasSize(1);
        List<UUID> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyInAnyOrderElementsOf(mine);
    }

    @Test
    void myCharactersDefaultToTheFirstPageOfTwenty() {
        create(owner, "Solo", "MONK");

        Answer page = api.get("/api/v1/characters", owner.token());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("page").asInt()).isEqualTo(0);
        assertThat(page.body().path("size").asInt()).isEqualTo(20);
        assertThat(page.body().path("total").asLong()).isEqualTo(1);
        assertThat(page.body().path("items").get(0).path("name").asText()).isEqualTo("Solo");
    }

    @Test
    void myCharactersAreOnlyMine() {
        UUID mine = create(owner, "Mine", "CLERIC");
        UUID theirs = create(stranger, "Theirs", "CLERIC");
        publicCharacter(stranger, "Theirs too");

        Answer page = api.get("/api/v1/characters", owner.token());

        assertThat(ids(page)).containsExactly(mine).doesNotContain(theirs);
        assertThat(page.body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void myCharactersFilterByNameIgnoringCase() {
        UUID aragorn = create(owner, "Aragorn", "RANGER");
        UUID arwen = create(owner, "Arwen", "SORCERER");
        create(owner, "Boromir", "FIGHTER");

        assertThat(ids(api.get("/api/v1/characters?name=ar", owner.token())))
                .containsExactlyInAnyOrder(aragorn, arwen);
        assertThat(ids(api.get("/api/v1/characters?name=GORN", owner.token()))).containsExactly(aragorn);
        assertThat(ids(api.get("/api/v1/characters?name=%25", owner.token()))).isEmpty();
    }

    @Test
    void aNameFilterOverSixtyFourCharactersIsRejected() {
        assertFieldRejected(api.get("/api/v1/characters?name=" + "n".repeat(65), owner.token()), "name");
        assertFieldRejected(api.get("/api/v1/public/characters?name=" + "n".repeat(65), null), "name");
    }

    @Test
    void myCharactersFilterByClass() {
        UUID ranger = create(owner, "Aragorn", "RANGER");
        create(owner, "Arwen", "SORCERER");

        Answer page = api.get("/api/v1/characters?characterClass=RANGER", owner.token());

        assertThat(ids(page)).containsExactly(ranger);
        assertThat(page.body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void myCharactersCombineTheFilters() {
        UUID wanted = create(owner, "Aragorn", "RANGER");
        create(owner, "Arwen", "RANGER");
        create(owner, "Aragorn's twin", "BARD");

        assertThat(ids(api.get("/api/v1/characters?name=aragorn&characterClass=RANGER", owner.token())))
                .containsExactly(wanted);
    }

    @Test
    void myCharactersNeedAToken() {
        assertProblem(api.get("/api/v1/characters", null), 401);
    }

    @Test
    void aPageSizeOutsideOneToAHundredIsRejected() {
        assertFieldRejected(api.get("/api/v1/characters?size=0", owner.token()), "size");
        assertFieldRejected(api.get("/api/v1/characters?size=101", owner.token()), "size");
        assertThat(api.get("/api/v1/characters?size=1", owner.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/characters?size=100", owner.token()).status()).isEqualTo(200);
    }

    @Test
    void aNegativePageIsRejected() {
        assertFieldRejected(api.get("/api/v1/characters?page=-1", owner.token()), "page");
    }

    @Test
    void anUnknownClassFilterIsRejectedNamingTheAllowedValues() {
        Answer answer = assertFieldRejected(api.get("/api/v1/characters?characterClass=NINJA", owner.token()),
                "characterClass");
        assertThat(answer.response().body()).contains("BARBARIAN", "WIZARD");
    }

    @Test
    void aPageParameterThatIsNotANumberIsRejected() {
        assertFieldRejected(api.get("/api/v1/characters?page=first", owner.token()), "page");
        assertFieldRejected(api.get("/api/v1/characters?size=many", owner.token()), "size");
        assertFieldRejected(api.get("/api/v1/public/characters?minLevel=high", null), "minLevel");
    }

    @Test
    void aPageBeyondTheEndIsEmpty() {
        create(owner, "Only", "DRUID");

        Answer page = api.get("/api/v1/characters?page=1000&size=100", owner.token());

        assertThat(page.status()).isEqualTo(200);
        assertThat(ids(page)).isEmpty();
        assertThat(page.body().path("page").asInt()).isEqualTo(1000);
        assertThat(page.body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aPageBeyondAnyPossibleOffsetIsBadInputNotAFailure() {
        create(owner, "Only", "DRUID");

        Answer mine = api.get("/api/v1/characters?page=2147483647&size=100", owner.token());
        Answer everyone = api.get("/api/v1/public/characters?page=2147483647&size=100", null);

        for (Answer page : List.of(mine, everyone)) {
            assertFieldRejected(page, "page");
        }
    }

    // listing public characters

    @Test
    void publicCharactersAreListedWithoutAToken() {
        String tag = uniqueTag();
        UUID shown = publicCharacter(owner, tag + " shown");

        Answer page = api.get("/api/v1/public/characters?name=" + tag, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(ids(page)).containsExactly(shown);
        assertThat(page.body().path("page").asInt()).isEqualTo(0);
        assertThat(page.body().path("size").asInt()).isEqualTo(20);
        assertThat(page.body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void publicCharactersLeaveOutPrivateAndRetiredOnes() {
        String tag = uniqueTag();
        UUID shown = publicCharacter(owner, tag + " shown");
        create(owner, tag + " private", "BARD");
        UUID retired = publicCharacter(stranger, tag + " retired");
        retire(stranger, retired);

        Answer page = api.get("/api/v1/public/characters?name=" + tag, stranger.token());

        assertThat(ids(page)).containsExactly(shown);
        assertThat(page.body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void publicCharactersFilterByClass() {
        String tag = uniqueTag();
        UUID fighter = publicCharacter(owner, tag + " fighter");
        UUID wizard = create(owner, tag + " wizard", "WIZARD");
        assertThat(api.put(path(wizard) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC")).status())
                .isEqualTo(200);

        assertThat(ids(api.get("/api/v1/public/characters?characterClass=WIZARD&name=" + tag, null)))
                .containsExactly(wizard);
        assertThat(ids(api.get("/api/v1/public/characters?characterClass=FIGHTER&name=" + tag, null)))
                .containsExactly(fighter);
    }

    @Test
    void publicCharactersFilterByMinimumLevel() {
        String tag = uniqueTag();
        publicCharacter(owner, tag + " novice");
        UUID veteran = publicCharacter(owner, tag + " veteran");
        assertThat(api.post(path(veteran) + "/experience", owner.token(), Api.map("amount", 900, "reason", "quest"))
                .body().path("level").asInt()).isEqualTo(3);

        assertThat(ids(api.get("/api/v1/public/characters?minLevel=3&name=" + tag, null))).containsExactly(veteran);
        assertThat(ids(api.get("/api/v1/public/characters?minLevel=4&name=" + tag, null))).isEmpty();
        assertThat(ids(api.get("/api/v1/public/characters?minLevel=1&name=" + tag, null))).hasSize(2);
    }

    @Test
    void aMinimumLevelOutsideOneToTwentyIsRejected() {
        assertFieldRejected(api.get("/api/v1/public/characters?minLevel=0", null), "minLevel");
        assertFieldRejected(api.get("/api/v1/public/characters?minLevel=21", null), "minLevel");
    }

    @Test
    void publicCharactersArePagedLikeAnyList() {
        String tag = uniqueTag();
        for (int i = 0; i < 3; i++) {
            publicCharacter(owner, tag + " " + i);
        }

        Answer last = api.get("/api/v1/public/characters?page=1&size=2&name=" + tag, null);

        assertThat(ids(last)).hasSize(1);
        assertThat(last.body().path("total").asLong()).isEqualTo(3);
        assertFieldRejected(api.get("/api/v1/public/characters?size=0", null), "size");
        assertFieldRejected(api.get("/api/v1/public/characters?size=101", null), "size");
        assertFieldRejected(api.get("/api/v1/public/characters?page=-1", null), "page");
    }
}
