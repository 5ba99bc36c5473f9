package app.characters.infra.gameplay;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import app.characters.query.character.CharacterRow;
import app.characters.query.character.CharacterRowRepository;
import app.characters.query.character.ItemRow;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The Equipment table of the contract, row by row, over HTTP. */
class EquipmentApiTest extends ServiceTest {

    @Autowired
    private CharacterRowRepository characters;
    @Autowired
    private EntityManager entityManager;
    @Autowired
    private TransactionTemplate transactions;

    private User owner;
    private UUID id;

    @BeforeEach
    void aCharacter() {
        owner = api.signUp();
        id = api.createCharacter(owner, "Gimli").id();
    }

    @Test
    void anAddedItemIsCarriedUnequippedWithEverythingItWasGiven() {
        Answer added = api.post(equipment(), owner.token(), Api.map("name", "  Flame Tongue ", "type", "WEAPON",
                "rarity", "VERY_RARE", "weight", 3.25, "statModifiers", Map.of("strength", 2, "charisma", -1)));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.version()).isEqualTo(2);
        assertThat(added.header("ETag")).isEqualTo("\"2\"");
        JsonNode item = added.item("Flame Tongue");
        assertThat(UUID.fromString(item.path("id").asText())).isNotNull();
        assertThat(item.path("type").asText()).isEqualTo("WEAPON");
        assertThat(item.path("rarity").asText()).isEqualTo("VERY_RARE");
        assertThat(item.path("weight").asDouble()).isEqualTo(3.25);
        assertThat(item.path("statModifiers").path("strength").asInt()).isEqualTo(2);
        assertThat(item.path("statModifiers").path("charisma").asInt()).isEqualTo(-1);
        assertThat(item.path("equipped").asBoolean()).isFalse();
        assertThat(added.body().path("effectiveAttributes")).isEqualTo(added.body().path("attributes"));
        assertThat(api.get(character(), owner.token()).body().path("equipment")).isEqualTo(added.body().path("equipment"));
    }

    @Test
    void theEdgesOfWeightAndModifiersAreAccepted() {
        Answer feather = api.post(equipment(), owner.token(), Api.map("name", "Feather", "type", "MISC",
                "rarity", "COMMON", "weight", 0, "statModifiers", Map.of("strength", -10)));
        Answer anvil = api.post(equipment(), owner.token(), Api.map("name", "Anvil", "type", "ARMOR",
                "rarity", "LEGENDARY", "weight", 1000, "statModifiers", Map.of("strength", 10, "dexterity", 10,
                        "constitution", 10, "intelligence", 10, "wisdom", 10, "charisma", 10)));
        Answer plain = api.post(equipment(), owner.token(), Api.map("name", "Stone", "type", "MISC",
                "rarity", "COMMON", "weight", 0.5));

        assertThat(List.of(feather.status(), anvil.status(), plain.status())).containsOnly(201);
        assertThat(plain.item("Feather").path("weight").asDouble()).isZero();
        assertThat(plain.item("Anvil").path("weight").asDouble()).isEqualTo(1000);
        assertThat(plain.item("Anvil").path("statModifiers").size()).isEqualTo(6);
        assertThat(plain.item("Stone").path("statModifiers").isObject()).isTrue();
        assertThat(plain.item("Stone").path("statModifiers")).isEmpty();
        assertThat(plain.version()).isEqualTo(4);
    }

    @Test
    void equippingPutsTheItemOnAndAddsItsModifiersToTheEffectiveAttributesOnly() {
        UUID sword = api.addItem(owner, id, "Sword", "WEAPON", Map.of("strength", 3, "dexterity", -2)).itemId("Sword");

        Answer equipped = equip(sword);

        assertThat(equipped.status()).isEqualTo(200);
        assertThat(equipped.version()).isEqualTo(3);
        assertThat(equipped.item("Sword").path("equipped").asBoolean()).isTrue();
        assertThat(equipped.body().path("effectiveAttributes").path("strength").asInt()).isEqualTo(13);
        assertThat(equipped.body().path("effectiveAttributes").path("dexterity").asInt()).isEqualTo(8);
        assertThat(equipped.body().path("attributes").path("strength").asInt()).isEqualTo(10);
        assertThat(api.get(character(), owner.token()).body().path("effectiveAttributes"))
                .isEqualTo(equipped.body().path("effectiveAttributes"));
    }

    @Test
    void equippingIntoAnOccupiedSlotTakesTheOtherItemOffInOneVersion() {
        api.addItem(owner, id, "Sword", "WEAPON", Map.of("strength", 3));
        Answer both = api.addItem(owner, id, "Axe", "WEAPON", Map.of("strength", 5));
        UUID sword = both.itemId("Sword");
        UUID axe = both.itemId("Axe");
        long before = equip(sword).version();
        long events = eventCount();

        Answer swapped = equip(axe);

        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.version()).isEqualTo(before + 1);
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(swapped.item("Axe").path("equipped").asBoolean()).isTrue();
        assertThat(swapped.item("Sword").path("equipped").asBoolean()).isFalse();
        assertThat(swapped.body().path("effectiveAttributes").path("strength").asInt()).isEqualTo(15);
        JsonNode newest = api.get(character() + "/versions?size=1", owner.token()).body().path("items").get(0);
        assertThat(newest.path("version").asLong()).isEqualTo(before + 1);
        assertThat(newest.path("eventType").asText()).isEqualTo("ItemEquipped");
        assertThat(newest.path("summary").asText()).contains(sword.toString());
    }

    @Test
    void concurrentEquipsIntoOneSlotLoseNoChangeAndLeaveOneItemWorn() throws Exception {
        List<UUID> weapons = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            weapons.add(api.addItem(owner, id, "Blade " + i, "WEAPON", Map.of("strength", 1)).itemId("Blade " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> equips = weapons.stream().<Callable<Integer>>map(w -> () -> equip(w).status()).toList();
            for (Future<Integer> status : pool.invokeAll(equips)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(200);
        JsonNode sheet = api.get(character(), owner.token()).body();
        assertThat(sheet.path("version").asLong()).isEqualTo(21);
        assertThat(sheet.path("equipment").findValues("equipped")).filteredOn(JsonNode::asBoolean).hasSize(1);
        assertThat(sheet.path("effectiveAttributes").path("strength").asInt()).isEqualTo(11);
        assertThat(jdbc.queryForObject("select count(*) from character_item where character_id = ? and equipped",
                Long.class, id)).isEqualTo(1);
    }

    @Test
    void itemsOfDifferentSlotsAreWornTogether() {
        api.addItem(owner, id, "Sword", "WEAPON", Map.of("strength", 1));
        api.addItem(owner, id, "Shield", "SHIELD", Map.of("constitution", 2));
        Answer all = api.addItem(owner, id, "Helm", "HELMET", Map.of("wisdom", 3));
        for (String name : List.of("Sword", "Shield", "Helm")) {
            assertThat(equip(all.itemId(name)).status()).isEqualTo(200);
        }

        JsonNode sheet = api.get(character(), owner.token()).body();

        assertThat(sheet.path("equipment")).allSatisfy(item -> assertThat(item.path("equipped").asBoolean()).isTrue());
        assertThat(sheet.path("effectiveAttributes").path("strength").asInt()).isEqualTo(11);
        assertThat(sheet.path("effectiveAttributes").path("constitution").asInt()).isEqualTo(12);
        assertThat(sheet.path("effectiveAttributes").path("wisdom").asInt()).isEqualTo(13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSUMABLE", "TOOL", "MISC"})
    void itemsThatFillNoSlotCannotBeEquipped(String type) {
        UUID thing = api.addItem(owner, id, "Thing", type, Map.of("strength", 1)).itemId("Thing");
        long events = eventCount();

        Answer refused = equip(thing);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains(type);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get(character(), owner.token()).item("Thing").path("equipped").asBoolean()).isFalse();
    }

    @Test
    void equippingAnItemWornAlreadyIsRefused() {
        UUID sword = api.addItem(owner, id, "Sword", "WEAPON", Map.of()).itemId("Sword");
        equip(sword);
        long events = eventCount();

        assertThat(equip(sword).status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void unequippingTakesTheItemOffAndItsModifiersAway() {
        UUID ring = api.addItem(owner, id, "Ring", "RING", Map.of("wisdom", 4)).itemId("Ring");
        equip(ring);

        Answer off = api.delete(equipped(ring), owner.token());

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.version()).isEqualTo(4);
        assertThat(off.item("Ring").path("equipped").asBoolean()).isFalse();
        assertThat(off.body().path("effectiveAttributes").path("wisdom").asInt()).isEqualTo(10);
    }

    @Test
    void unequippingAnItemNotWornIsRefused() {
        UUID ring = api.addItem(owner, id, "Ring", "RING", Map.of()).itemId("Ring");
        long events = eventCount();

        Answer refused = api.delete(equipped(ring), owner.token());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void droppingRemovesTheItemAndWhatItGave() {
        api.addItem(owner, id, "Ring", "RING", Map.of("wisdom", 4));
        Answer two = api.addItem(owner, id, "Rope", "TOOL", Map.of());
        UUID ring = two.itemId("Ring");
        equip(ring);

        Answer dropped = api.delete(item(ring), owner.token());

        assertThat(dropped.status()).isEqualTo(200);
        assertThat(dropped.version()).isEqualTo(5);
        assertThat(dropped.body().path("equipment")).hasSize(1);
        assertThat(dropped.body().path("equipment").get(0).path("name").asText()).isEqualTo("Rope");
        assertThat(dropped.body().path("effectiveAttributes").path("wisdom").asInt()).isEqualTo(10);
        assertThat(jdbc.queryForList("select name from character_item where character_id = ?", String.class, id))
                .containsExactly("Rope");
    }

    @Test
    void anItemTheCharacterDoesNotCarryIsNotFoundForEveryItemRequest() {
        UUID nothing = UUID.randomUUID();
        long events = eventCount();

        for (Answer answer : List.of(equip(nothing),
                api.delete(equipped(nothing), owner.token()), api.delete(item(nothing), owner.token()))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void effectiveAttributesAreClampedToOneToThirty() {
        UUID strong = api.post("/api/v1/characters", owner.token(), Api.map("name", "Strong", "race", "HALF_ORC",
                "characterClass", "BARBARIAN", "attributes", Map.of("strength", 27, "dexterity", 4))).id();
        Answer added = api.post("/api/v1/characters/" + strong + "/equipment", owner.token(),
                Api.item("Belt of Giants", "GLOVES", Map.of("strength", 10, "dexterity", -10)));

        Answer worn = api.raw("PUT", "/api/v1/characters/" + strong + "/equipment/" + added.itemId("Belt of Giants")
                + "/equipped", owner.token(), null, null);

        assertThat(worn.body().path("effectiveAttributes").path("strength").asInt()).isEqualTo(30);
        assertThat(worn.body().path("effectiveAttributes").path("dexterity").asInt()).isEqualTo(1);
        assertThat(worn.body().path("attributes").path("strength").asInt()).isEqualTo(27);
        assertThat(worn.body().path("attributes").path("dexterity").asInt()).isEqualTo(4);
    }

    @Test
    void aCharacterCarriesAtMostAHundredItems() {
        for (int i = 0; i < 100; i++) {
            assertThat(api.post(equipment(), owner.token(), Api.item("Pebble " + i, "MISC", Map.of())).status())
                    .as("item %d", i).isEqualTo(201);
        }
        long events = eventCount();

        Answer refused = api.post(equipment(), owner.token(), Api.item("Pebble 100", "MISC", Map.of()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("100");
        assertThat(eventCount()).isEqualTo(events);
        JsonNode sheet = api.get(character(), owner.token()).body();
        assertThat(sheet.path("equipment")).hasSize(100);
        assertThat(sheet.path("version").asLong()).isEqualTo(101);
    }

    static Stream<Arguments> badItems() {
        return Stream.of(
                Arguments.of("a modifier above 10", "{\"name\":\"X\",\"type\":\"RING\",\"rarity\":\"RARE\",\"weight\":1,\"statModifiers\":{\"strength\":11}}", "statModifiers"),
                Arguments.of("a modifier below -10", "{\"name\":\"X\",\"type\":\"RING\",\"rarity\":\"RARE\",\"weight\":1,\"statModifiers\":{\"wisdom\":-11}}", "statModifiers"),
                Arguments.of("a modifier of no attribute", "{\"name\":\"X\",\"type\":\"RING\",\"rarity\":\"RARE\",\"weight\":1,\"statModifiers\":{\"luck\":1}}", "statModifiers"),
                Arguments.of("a fractional modifier", "{\"name\":\"X\",\"type\":\"RING\",\"rarity\":\"RARE\",\"weight\":1,\"statModifiers\":{\"strength\":1.5}}", "statModifiers"),
                Arguments.of("a weight above 1000", "{\"name\":\"X\",\"type\":\"ARMOR\",\"rarity\":\"RARE\",\"weight\":1000.5,\"statModifiers\":{}}", "weight"),
                Arguments.of("a negative weight", "{\"name\":\"X\",\"type\":\"ARMOR\",\"rarity\":\"RARE\",\"weight\":-1,\"statModifiers\":{}}", "weight"),
                Arguments.of("a weight as a string", "{\"name\":\"X\",\"type\":\"ARMOR\",\"rarity\":\"RARE\",\"weight\":\"10\",\"statModifiers\":{}}", "weight"),
                Arguments.of("no weight", "{\"name\":\"X\",\"type\":\"ARMOR\",\"rarity\":\"RARE\",\"statModifiers\":{}}", "weight"),
                Arguments.of("an unknown type", "{\"name\":\"X\",\"type\":\"SPOON\",\"rarity\":\"RARE\",\"weight\":1}", "type"),
                Arguments.of("a type as an ordinal", "{\"name\":\"X\",\"type\":0,\"rarity\":\"RARE\",\"weight\":1}", "type"),
                Arguments.of("no type", "{\"name\":\"X\",\"rarity\":\"RARE\",\"weight\":1}", "type"),
                Arguments.of("an unknown rarity", "{\"name\":\"X\",\"type\":\"RING\",\"rarity\":\"MYTHIC\",\"weight\":1}", "rarity"),
                Arguments.of("no rarity", "{\"name\":\"X\",\"type\":\"RING\",\"weight\":1}", "rarity"),
                Arguments.of("a blank name", "{\"name\":\"   \",\"type\":\"RING\",\"rarity\":\"RARE\",\"weight\":1}", "name"),
                Arguments.of("a name of 65 characters", "{\"name\":\"" + "n".repeat(65) + "\",\"type\":\"RING\",\"rarity\":\"RARE\",\"weight\":1}", "name"),
                Arguments.of("an unknown field", "{\"name\":\"X\",\"type\":\"RING\",\"rarity\":\"RARE\",\"weight\":1,\"equipped\":true}", "equipped"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badItems")
    void aBadItemIsA400NamingTheFieldAndStoresNothing(String why, String body, String field) {
        long events = eventCount();

        Answer refused = api.raw("POST", equipment(), owner.token(), "application/json", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").findValuesAsText("field")).anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get(character(), owner.token()).version()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsA400() {
        long events = eventCount();

        Answer refused = api.raw("POST", equipment(), owner.token(), "application/json", "{\"name\":\"X\",");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anItemIdThatIsNotAUuidIsA400() {
        Answer refused = api.raw("PUT", character() + "/equipment/not-a-uuid/equipped", owner.token(), null, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        assertThat(api.raw("POST", equipment(), owner.token(), "text/plain", "sword").status()).isEqualTo(415);
    }

    @Test
    void equipmentNeedsAToken() {
        long events = eventCount();

        assertThat(api.post(equipment(), null, Api.item("Sword", "WEAPON", Map.of())).status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStrangerCannotFindAPrivateCharactersEquipment() {
        UUID sword = api.addItem(owner, id, "Sword", "WEAPON", Map.of()).itemId("Sword");
        User stranger = api.signUp();
        long events = eventCount();

        assertThat(api.post(equipment(), stranger.token(), Api.item("Gift", "RING", Map.of())).status()).isEqualTo(404);
        assertThat(api.raw("PUT", equipped(sword), stranger.token(), null, null).status()).isEqualTo(404);
        assertThat(api.delete(item(sword), stranger.token()).status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStrangerMayNotTouchAPublicCharactersEquipment() {
        UUID sword = api.addItem(owner, id, "Sword", "WEAPON", Map.of()).itemId("Sword");
        api.put(character() + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));
        User stranger = api.signUp();
        long events = eventCount();

        assertThat(api.post(equipment(), stranger.token(), Api.item("Gift", "RING", Map.of())).status()).isEqualTo(403);
        assertThat(api.raw("PUT", equipped(sword), stranger.token(), null, null).status()).isEqualTo(403);
        assertThat(api.delete(item(sword), stranger.token()).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownCharacterIsNotFoundForEveryEquipmentRequest() {
        String nobody = "/api/v1/characters/" + UUID.randomUUID() + "/equipment";
        String anyItem = nobody + "/" + UUID.randomUUID();
        long events = eventCount();

        for (Answer answer : List.of(api.post(nobody, owner.token(), Api.item("Sword", "WEAPON", Map.of())),
                api.raw("PUT", anyItem + "/equipped", owner.token(), null, null),
                api.delete(anyItem + "/equipped", owner.token()), api.delete(anyItem, owner.token()))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void equippingAtAStaleVersionIsA412AndStoresNothing() {
        UUID sword = api.addItem(owner, id, "Sword", "WEAPON", Map.of()).itemId("Sword");
        long events = eventCount();

        Answer refused = api.raw("PUT", equipped(sword), owner.token(), null, null, "If-Match", "\"1\"");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.raw("PUT", equipped(sword), owner.token(), null, null, "If-Match", "\"2\"").status())
                .isEqualTo(200);
    }

    @Test
    void theReadModelLinksACharacterAndItsItemsBothWays() {
        api.addItem(owner, id, "Sword", "WEAPON", Map.of());
        Answer latest = api.addItem(owner, id, "Ring", "RING", Map.of());
        UUID sword = latest.itemId("Sword");
        UUID ring = latest.itemId("Ring");

        transactions.executeWithoutResult(status -> {
            CharacterRow row = characters.findById(id).orElseThrow();
            assertThat(row.getItems()).extracting(ItemRow::getId).containsExactly(sword, ring);
            assertThat(row.getItems()).allSatisfy(item -> assertThat(item.getCharacter()).isSameAs(row));

            entityManager.clear();
            ItemRow item = entityManager.find(ItemRow.class, ring);
            assertThat(item.getCharacter().getId()).isEqualTo(id);
            assertThat(item.getCharacter().getItems()).extracting(ItemRow::getId).containsExactly(sword, ring);
            assertThat(item.toItem().name()).isEqualTo("Ring");
        });
    }

    private Answer equip(UUID itemId) {
        return api.raw("PUT", equipped(itemId), owner.token(), null, null);
    }

    private String character() {
        return "/api/v1/characters/" + id;
    }

    private String equipment() {
        return character() + "/equipment";
    }

    private String item(UUID itemId) {
        return equipment() + "/" + itemId;
    }

    private String equipped(UUID itemId) {
        return item(itemId) + "/equipped";
    }
}
