package app.characters.command.character;

import static app.characters.command.RejectedMatcher.rejected;
import static app.characters.command.character.Given.AXE;
import static app.characters.command.character.Given.ID;
import static app.characters.command.character.Given.OWNER;
import static app.characters.command.character.Given.POTION;
import static app.characters.command.character.Given.RING;
import static app.characters.command.character.Given.STRANGER;
import static app.characters.command.character.Given.SWORD;
import static app.characters.command.character.Given.acquired;
import static app.characters.command.character.Given.created;
import static app.characters.command.character.Given.createdWith;
import static app.characters.command.character.Given.sheet;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterCommand.AcquireItem;
import app.characters.kernel.character.CharacterCommand.DropItem;
import app.characters.kernel.character.CharacterCommand.EquipItem;
import app.characters.kernel.character.CharacterCommand.UnequipItem;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.ItemUnequipped;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.Rarity;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EquipmentRulesTest {

    private FixtureConfiguration<CharacterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = Given.fixture(new SkillDefinition[0]);
    }

    @Test
    void anAcquiredItemGoesIntoThePackUnequipped() {
        fixture.given(created())
               .when(new AcquireItem(ID, OWNER, null, SWORD.withEquipped(true)))
               .expectEvents(acquired(SWORD))
               .expectResultMessagePayloadMatching(sheet(s -> s.equipment().equals(List.of(SWORD))
                       && s.version() == 2 && s.effectiveAttributes().equals(s.attributes())));
    }

    @ParameterizedTest
    @ValueSource(ints = {-11, 11})
    void aModifierOutsideMinusTenToTenIsRefused(int modifier) {
        fixture.given(created())
               .when(new AcquireItem(ID, OWNER, null, withModifiers(Map.of("strength", modifier))))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void modifiersAtMinusTenAndTenAreAccepted() {
        Item cursed = withModifiers(Map.of("strength", 10, "charisma", -10));
        fixture.given(created())
               .when(new AcquireItem(ID, OWNER, null, cursed))
               .expectEvents(acquired(cursed));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, 1000.5})
    void aWeightOutsideZeroToAThousandIsRefused(double weight) {
        fixture.given(created())
               .when(new AcquireItem(ID, OWNER, null,
                       new Item(UUID.randomUUID(), "Anvil", ItemType.MISC, Rarity.COMMON, weight, Map.of(), false)))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void anItemWithoutATypeIsRefused() {
        fixture.given(created())
               .when(new AcquireItem(ID, OWNER, null,
                       new Item(UUID.randomUUID(), "Thing", null, Rarity.COMMON, 1, Map.of(), false)))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void theHundredthItemIsAccepted() {
        fixture.given(createdCarrying(99))
               .when(new AcquireItem(ID, OWNER, null, SWORD))
               .expectEvents(acquired(SWORD))
               .expectResultMessagePayloadMatching(sheet(s -> s.equipment().size() == 100));
    }

    @Test
    void theHundredAndFirstItemIsRefusedByTheRules() {
        fixture.given(createdCarrying(100))
               .when(new AcquireItem(ID, OWNER, null, SWORD))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "100"));
    }

    @Test
    void anItemIdCarriedAlreadyIsAConflict() {
        fixture.given(created(), acquired(SWORD))
               .when(new AcquireItem(ID, OWNER, null, SWORD))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void equippingPutsTheItemInTheSlotItsTypeFills() {
        fixture.given(created(), acquired(SWORD))
               .when(new EquipItem(ID, OWNER, null, SWORD.id()))
               .expectEvents(new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null))
               .expectResultMessagePayloadMatching(sheet(s -> s.version() == 3
                       && s.equipment().equals(List.of(SWORD.withEquipped(true)))
                       && s.effectiveAttributes().strength() == 18 && s.attributes().strength() == 16));
    }

    @Test
    void equippingIntoAnOccupiedSlotTakesTheOtherItemOffInTheSameChange() {
        fixture.given(created(), acquired(SWORD), acquired(AXE), new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null))
               .when(new EquipItem(ID, OWNER, null, AXE.id()))
               .expectEvents(new ItemEquipped(ID, AXE.id(), ItemType.Slot.MAIN_HAND, SWORD.id()))
               .expectResultMessagePayloadMatching(sheet(s -> s.version() == 5
                       && s.equipment().equals(List.of(SWORD, AXE.withEquipped(true)))
                       && s.effectiveAttributes().equals(new Attributes(20, 11, 14, 8, 10, 9))));
    }

    @Test
    void itemsInDifferentSlotsAreWornTogether() {
        fixture.given(created(), acquired(SWORD), acquired(RING), new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null))
               .when(new EquipItem(ID, OWNER, null, RING.id()))
               .expectEvents(new ItemEquipped(ID, RING.id(), ItemType.Slot.FINGER, null))
               .expectResultMessagePayloadMatching(sheet(s -> s.equipment().stream().allMatch(Item::equipped)
                       && s.effectiveAttributes().equals(new Attributes(18, 12, 14, 8, 13, 9))));
    }

    @ParameterizedTest
    @EnumSource(value = ItemType.class, names = {"CONSUMABLE", "TOOL", "MISC"})
    void itemsThatFillNoSlotCannotBeEquipped(ItemType type) {
        Item item = Given.item("Some " + type, type, Map.of("strength", 1));
        fixture.given(created(), acquired(item))
               .when(new EquipItem(ID, OWNER, null, item.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, type.name()));
    }

    @Test
    void cannotEquipAPotion() {
        fixture.given(created(), acquired(POTION))
               .when(new EquipItem(ID, OWNER, null, POTION.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE));
    }

    @Test
    void equippingAnItemWornAlreadyIsRefused() {
        fixture.given(created(), acquired(SWORD), new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null))
               .when(new EquipItem(ID, OWNER, null, SWORD.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE));
    }

    @Test
    void equippingAnItemNotCarriedIsNotFound() {
        fixture.given(created(), acquired(SWORD))
               .when(new EquipItem(ID, OWNER, null, UUID.randomUUID()))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void effectiveAttributesAreClampedToOneToThirty() {
        Item extreme = withModifiers(Map.of("strength", 10, "dexterity", -10));
        fixture.given(createdWith(new Attributes(25, 5, 10, 10, 10, 10)), acquired(extreme))
               .when(new EquipItem(ID, OWNER, null, extreme.id()))
               .expectResultMessagePayloadMatching(sheet(s ->
                       s.effectiveAttributes().equals(new Attributes(30, 1, 10, 10, 10, 10))
                               && s.attributes().equals(new Attributes(25, 5, 10, 10, 10, 10))));
    }

    @Test
    void unequippingTakesTheItemOffAndItsModifiersAway() {
        fixture.given(created(), acquired(SWORD), new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null))
               .when(new UnequipItem(ID, OWNER, null, SWORD.id()))
               .expectEvents(new ItemUnequipped(ID, SWORD.id()))
               .expectResultMessagePayloadMatching(sheet(s -> s.equipment().equals(List.of(SWORD))
                       && s.effectiveAttributes().equals(s.attributes()) && s.version() == 4));
    }

    @Test
    void unequippingAnItemNotWornIsRefused() {
        fixture.given(created(), acquired(SWORD))
               .when(new UnequipItem(ID, OWNER, null, SWORD.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE));
    }

    @Test
    void unequippingAnItemNotCarriedIsNotFound() {
        fixture.given(created())
               .when(new UnequipItem(ID, OWNER, null, SWORD.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void droppingRemovesTheItem() {
        fixture.given(created(), acquired(SWORD), acquired(RING))
               .when(new DropItem(ID, OWNER, null, SWORD.id()))
               .expectEvents(new ItemDropped(ID, SWORD.id()))
               .expectResultMessagePayloadMatching(sheet(s -> s.equipment().equals(List.of(RING))));
    }

    @Test
    void droppingAWornItemRemovesItsModifiersToo() {
        fixture.given(created(), acquired(SWORD), new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null))
               .when(new DropItem(ID, OWNER, null, SWORD.id()))
               .expectEvents(new ItemDropped(ID, SWORD.id()))
               .expectResultMessagePayloadMatching(sheet(s -> s.equipment().isEmpty()
                       && s.effectiveAttributes().equals(s.attributes())));
    }

    @Test
    void droppingAnItemNotCarriedIsNotFound() {
        fixture.given(created(), acquired(SWORD), new ItemDropped(ID, SWORD.id()))
               .when(new DropItem(ID, OWNER, null, SWORD.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void strangerCannotFindTheEquipmentOfAPrivateCharacter() {
        fixture.given(created(), acquired(SWORD))
               .when(new EquipItem(ID, STRANGER, null, SWORD.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void strangerMayNotEquipAPublicCharacter() {
        fixture.given(created(), acquired(SWORD), new VisibilityChanged(ID, Visibility.PUBLIC))
               .when(new EquipItem(ID, STRANGER, null, SWORD.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.FORBIDDEN));
    }

    @Test
    void aRetiredCharacterAcquiresNothing() {
        fixture.given(created(), new CharacterRetired(ID))
               .when(new AcquireItem(ID, OWNER, null, SWORD))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void equippingAtAStaleVersionIsRefused() {
        fixture.given(created(), acquired(SWORD), acquired(AXE))
               .when(new EquipItem(ID, OWNER, 2L, SWORD.id()))
               .expectNoEvents()
               .expectException(rejected(Kind.VERSION_MISMATCH));
    }

    private static Item withModifiers(Map<String, Integer> modifiers) {
        return new Item(UUID.randomUUID(), "Charm", ItemType.AMULET, Rarity.RARE, 0.1, modifiers, false);
    }

    private static List<Object> createdCarrying(int items) {
        List<Object> events = new ArrayList<>();
        events.add(created());
        for (int i = 0; i < items; i++) {
            events.add(acquired(Given.item("Pebble " + i, ItemType.MISC, Map.of())));
        }
        return events;
    }
}
