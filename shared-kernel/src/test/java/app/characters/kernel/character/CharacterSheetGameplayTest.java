package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterReverted;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.ItemUnequipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fold of equipment, skill and revert events into a character sheet. */
class CharacterSheetGameplayTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID TEMPLATE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final Instant CREATED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-24T11:00:00Z");
    private static final Item SWORD = item("Sword", ItemType.WEAPON, Map.of("strength", 3));
    private static final Item AXE = item("Axe", ItemType.WEAPON, Map.of("strength", 5, "dexterity", -2));
    private static final Item RING = item("Ring", ItemType.RING, Map.of("wisdom", 2));

    @ParameterizedTest(name = "{0}")
    @MethodSource("gameplayEvents")
    void eachGameplayEventRaisesTheVersionByExactlyOne(CharacterEvent event) {
        CharacterSheet before = carrying(SWORD, RING).apply(new SkillLearned(ID, "swordplay"), CREATED_AT);

        CharacterSheet after = before.apply(event, LATER);

        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(LATER);
        assertThat(after.createdAt()).isEqualTo(CREATED_AT);
    }

    @Test
    void anAcquiredItemIsAppendedUnequippedEvenIfTheEventSaysOtherwise() {
        CharacterSheet sheet = carrying(SWORD).apply(new ItemAcquired(ID, RING.withEquipped(true)), LATER);

        assertThat(sheet.equipment()).containsExactly(SWORD, RING);
        assertThat(sheet.effectiveAttributes()).isEqualTo(sheet.attributes());
    }

    @Test
    void equippingAddsTheItemsModifiersToTheEffectiveAttributesOnly() {
        CharacterSheet sheet = carrying(SWORD).apply(new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null),
                LATER);

        assertThat(sheet.equipment()).containsExactly(SWORD.withEquipped(true));
        assertThat(sheet.effectiveAttributes().strength()).isEqualTo(13);
        assertThat(sheet.attributes().strength()).isEqualTo(10);
    }

    @Test
    void equippingOverAnotherItemTakesItOffInTheSameVersion() {
        CharacterSheet withSword = carrying(SWORD, AXE)
                .apply(new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null), LATER);

        CharacterSheet withAxe = withSword.apply(new ItemEquipped(ID, AXE.id(), ItemType.Slot.MAIN_HAND, SWORD.id()),
                LATER);

        assertThat(withAxe.version()).isEqualTo(withSword.version() + 1);
        assertThat(withAxe.equipment()).containsExactly(SWORD, AXE.withEquipped(true));
        assertThat(withAxe.effectiveAttributes()).isEqualTo(new Attributes(15, 8, 10, 10, 10, 10));
    }

    @Test
    void unequippingTakesTheModifiersAway() {
        CharacterSheet sheet = carrying(SWORD, RING)
                .apply(new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null), LATER)
                .apply(new ItemEquipped(ID, RING.id(), ItemType.Slot.FINGER, null), LATER)
                .apply(new ItemUnequipped(ID, SWORD.id()), LATER);

        assertThat(sheet.equipment()).containsExactly(SWORD, RING.withEquipped(true));
        assertThat(sheet.effectiveAttributes()).isEqualTo(new Attributes(10, 10, 10, 10, 12, 10));
    }

    @Test
    void droppingAnEquippedItemRemovesItAndItsModifiers() {
        CharacterSheet sheet = carrying(SWORD, RING)
                .apply(new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null), LATER)
                .apply(new ItemDropped(ID, SWORD.id()), LATER);

        assertThat(sheet.equipment()).containsExactly(RING);
        assertThat(sheet.effectiveAttributes()).isEqualTo(sheet.attributes());
    }

    @Test
    void aLearnedSkillStartsAtNovice() {
        CharacterSheet sheet = carrying().apply(new SkillLearned(ID, "swordplay"), LATER);

        assertThat(sheet.skills()).containsExactly(new LearnedSkill("swordplay", Proficiency.NOVICE));
    }

    @Test
    void improvingChangesThatSkillOnlyAndKeepsTheOrder() {
        CharacterSheet sheet = carrying()
                .apply(new SkillLearned(ID, "swordplay"), LATER)
                .apply(new SkillLearned(ID, "archery"), LATER)
                .apply(new SkillImproved(ID, "swordplay", Proficiency.APPRENTICE), LATER);

        assertThat(sheet.skills()).containsExactly(new LearnedSkill("swordplay", Proficiency.APPRENTICE),
                new LearnedSkill("archery", Proficiency.NOVICE));
    }

    @Test
    void revertingSetsEverythingAPlayerChangesAndKeepsWhoAndWhatTheCharacterIs() {
        CharacterSheet sheet = CharacterSheet.created(new CharacterCreated(ID, OWNER, "Gimli", Race.DWARF,
                CharacterClass.FIGHTER, Attributes.defaults(), TEMPLATE, List.of(SWORD), List.of()), CREATED_AT);
        List<Item> pack = List.of(RING.withEquipped(true));
        List<LearnedSkill> skills = List.of(new LearnedSkill("sneak", Proficiency.ADEPT));

        CharacterSheet reverted = sheet.apply(new CharacterReverted(ID, 1, "Old Gimli", new Attributes(12, 11, 10, 9, 8, 7),
                900, 3, Visibility.PUBLIC, pack, skills), LATER);

        assertThat(reverted.name()).isEqualTo("Old Gimli");
        assertThat(reverted.attributes()).isEqualTo(new Attributes(12, 11, 10, 9, 8, 7));
        assertThat(reverted.effectiveAttributes()).isEqualTo(new Attributes(12, 11, 10, 9, 10, 7));
        assertThat(reverted.experience()).isEqualTo(900);
        assertThat(reverted.level()).isEqualTo(3);
        assertThat(reverted.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(reverted.equipment()).isEqualTo(pack);
        assertThat(reverted.skills()).isEqualTo(skills);
        assertThat(reverted.id()).isEqualTo(ID);
        assertThat(reverted.ownerId()).isEqualTo(OWNER);
        assertThat(reverted.race()).isEqualTo(Race.DWARF);
        assertThat(reverted.characterClass()).isEqualTo(CharacterClass.FIGHTER);
        assertThat(reverted.createdFromTemplate()).isEqualTo(TEMPLATE);
        assertThat(reverted.status()).isEqualTo(CharacterStatus.ACTIVE);
        assertThat(reverted.createdAt()).isEqualTo(CREATED_AT);
        assertThat(reverted.version()).isEqualTo(2);
    }

    @Test
    void theStateAfterARevertIsTheEarlierStateButForVersionAndTimes() {
        CharacterSheet v1 = carrying(SWORD);
        CharacterSheet v4 = v1.apply(new CharacterRenamed(ID, "Changed"), LATER)
                .apply(new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null), LATER)
                .apply(new ExperienceGained(ID, 1000, "trolls", 1000, 3), LATER);

        CharacterSheet v5 = v4.apply(revertTo(v1), LATER);

        assertThat(withoutBookkeeping(v5)).isEqualTo(withoutBookkeeping(v1));
        assertThat(v5.version()).isEqualTo(5);
    }

    static Stream<CharacterEvent> gameplayEvents() {
        return Stream.of(
                new ItemAcquired(ID, AXE),
                new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null),
                new ItemUnequipped(ID, SWORD.id()),
                new ItemDropped(ID, RING.id()),
                new SkillLearned(ID, "archery"),
                new SkillImproved(ID, "swordplay", Proficiency.APPRENTICE),
                new CharacterReverted(ID, 1, "Gimli", Attributes.defaults(), 0, 1, Visibility.PRIVATE, List.of(),
                        List.of()),
                new AttributesChanged(ID, new Attributes(11, 11, 11, 11, 11, 11)),
                new VisibilityChanged(ID, Visibility.PUBLIC));
    }

    static CharacterReverted revertTo(CharacterSheet target) {
        return new CharacterReverted(target.id(), target.version(), target.name(), target.attributes(),
                target.experience(), target.level(), target.visibility(), target.equipment(), target.skills());
    }

    /** The sheet with the fields every version changes set to fixed values. */
    static CharacterSheet withoutBookkeeping(CharacterSheet sheet) {
        return new CharacterSheet(sheet.id(), sheet.ownerId(), sheet.name(), sheet.race(), sheet.characterClass(),
                sheet.attributes(), null, sheet.experience(), sheet.level(), sheet.visibility(), sheet.status(),
                sheet.equipment(), sheet.skills(), sheet.createdFromTemplate(), 0, sheet.createdAt(), Instant.EPOCH);
    }

    private static CharacterSheet carrying(Item... items) {
        return CharacterSheet.created(new CharacterCreated(ID, OWNER, "Gimli", Race.DWARF, CharacterClass.FIGHTER,
                Attributes.defaults(), null, List.of(items), List.of()), CREATED_AT);
    }

    private static Item item(String name, ItemType type, Map<String, Integer> modifiers) {
        return new Item(UUID.randomUUID(), name, type, Rarity.UNCOMMON, 3.5, modifiers, false);
    }
}
