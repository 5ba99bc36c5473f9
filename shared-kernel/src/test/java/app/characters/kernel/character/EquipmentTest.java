package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EquipmentTest {

    @ParameterizedTest(name = "{0} fills {1}")
    @CsvSource({"WEAPON, MAIN_HAND", "SHIELD, OFF_HAND", "ARMOR, BODY", "HELMET, HEAD", "BOOTS, FEET",
            "GLOVES, HANDS", "RING, FINGER", "AMULET, NECK", "CLOAK, BACK"})
    void eachWearableTypeFillsTheSlotTheContractNames(ItemType type, ItemType.Slot slot) {
        assertThat(type.slot()).contains(slot);
    }

    @ParameterizedTest
    @EnumSource(value = ItemType.class, names = {"CONSUMABLE", "TOOL", "MISC"})
    void consumablesToolsAndOddsAndEndsFillNoSlot(ItemType type) {
        assertThat(type.slot()).isEmpty();
    }

    @Test
    void noTwoTypesShareASlot() {
        Set<ItemType.Slot> filled = EnumSet.noneOf(ItemType.Slot.class);
        long wearable = 0;
        for (ItemType type : ItemType.values()) {
            if (type.slot().isPresent()) {
                wearable++;
                filled.add(type.slot().get());
            }
        }
        assertThat(filled).hasSize((int) wearable).containsExactlyInAnyOrder(ItemType.Slot.values());
    }

    @Test
    void findsACarriedItemByItsId() {
        Item sword = item(ItemType.WEAPON, false);
        Item ring = item(ItemType.RING, false);

        assertThat(Equipment.find(List.of(sword, ring), ring.id())).contains(ring);
        assertThat(Equipment.find(List.of(sword, ring), UUID.randomUUID())).isEmpty();
    }

    @Test
    void theItemInASlotIsTheEquippedOneOfThatSlotsType() {
        Item spare = item(ItemType.WEAPON, false);
        Item wielded = item(ItemType.WEAPON, true);
        Item ring = item(ItemType.RING, true);
        List<Item> pack = List.of(spare, ring, wielded);

        assertThat(Equipment.inSlot(pack, ItemType.Slot.MAIN_HAND)).contains(wielded);
        assertThat(Equipment.inSlot(pack, ItemType.Slot.FINGER)).contains(ring);
        assertThat(Equipment.inSlot(pack, ItemType.Slot.HEAD)).isEmpty();
    }

    @Test
    void anUnequippedItemFillsNoSlot() {
        assertThat(Equipment.inSlot(List.of(item(ItemType.HELMET, false)), ItemType.Slot.HEAD)).isEmpty();
    }

    @Test
    void anEquippedPotionFillsNoSlot() {
        assertThat(Equipment.inSlot(List.of(item(ItemType.CONSUMABLE, true)), ItemType.Slot.MAIN_HAND)).isEmpty();
    }

    @Test
    void modifiersFromMinusTenToTenOnEveryAttributeAreAccepted() {
        Map<String, Integer> modifiers = Attributes.NAMES.stream().collect(Collectors.toMap(n -> n, n -> 10));
        modifiers.put("strength", -10);

        assertThat(Equipment.checkModifiers(modifiers)).isEmpty();
        assertThat(Equipment.checkModifiers(Map.of())).isEmpty();
        assertThat(Equipment.checkModifiers(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-11, 11, 100, Integer.MIN_VALUE})
    void aModifierOutsideMinusTenToTenIsRefusedByName(int value) {
        assertThat(Equipment.checkModifiers(Map.of("dexterity", value)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("dexterity").contains("-10..10"));
    }

    @Test
    void aModifierOfAnUnknownAttributeIsRefusedByName() {
        assertThat(Equipment.checkModifiers(Map.of("luck", 1)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("luck"));
    }

    @Test
    void aMissingModifierValueIsRefused() {
        Map<String, Integer> modifiers = new HashMap<>();
        modifiers.put("wisdom", null);

        assertThat(Equipment.checkModifiers(modifiers)).isPresent();
    }

    @Test
    void itemModifiersAreReadAsAttributesWithZeroForTheOthers() {
        Item amulet = new Item(UUID.randomUUID(), "Amulet", ItemType.AMULET, Rarity.RARE, 0.2,
                Map.of("charisma", 4, "constitution", -1), false);

        assertThat(amulet.modifiers()).isEqualTo(new Attributes(0, 0, -1, 0, 0, 4));
    }

    private static Item item(ItemType type, boolean equipped) {
        return new Item(UUID.randomUUID(), type.name(), type, Rarity.COMMON, 1, Map.of(), equipped);
    }
}
