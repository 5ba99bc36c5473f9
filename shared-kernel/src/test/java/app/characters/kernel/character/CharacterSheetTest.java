package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CharacterSheetTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final Instant CREATED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-24T11:00:00Z");

    @Test
    void aNewCharacterIsAtVersionOne() {
        CharacterSheet sheet = created();

        assertThat(sheet.version()).isEqualTo(1);
        assertThat(sheet.createdAt()).isEqualTo(CREATED_AT);
        assertThat(sheet.updatedAt()).isEqualTo(CREATED_AT);
    }

    @Test
    void aNewCharacterIsActivePrivateAndLevelOneWithoutExperience() {
        CharacterSheet sheet = created();

        assertThat(sheet.status()).isEqualTo(CharacterStatus.ACTIVE);
        assertThat(sheet.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(sheet.level()).isEqualTo(1);
        assertThat(sheet.experience()).isZero();
    }

    @Test
    void aNewCharacterKeepsWhatItWasCreatedWith() {
        UUID template = UUID.randomUUID();
        List<LearnedSkill> skills = List.of(new LearnedSkill("fireball", Proficiency.NOVICE));
        CharacterSheet sheet = CharacterSheet.created(new CharacterCreated(ID, OWNER, "Elminster", Race.HUMAN,
                CharacterClass.WIZARD, new Attributes(8, 12, 10, 20, 16, 11), template,
                List.of(ring(Map.of("intelligence", 2), false)), skills), CREATED_AT);

        assertThat(sheet.id()).isEqualTo(ID);
        assertThat(sheet.ownerId()).isEqualTo(OWNER);
        assertThat(sheet.name()).isEqualTo("Elminster");
        assertThat(sheet.race()).isEqualTo(Race.HUMAN);
        assertThat(sheet.characterClass()).isEqualTo(CharacterClass.WIZARD);
        assertThat(sheet.attributes()).isEqualTo(new Attributes(8, 12, 10, 20, 16, 11));
        assertThat(sheet.createdFromTemplate()).isEqualTo(template);
        assertThat(sheet.equipment()).hasSize(1);
        assertThat(sheet.skills()).isEqualTo(skills);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void eachEventRaisesTheVersionByExactlyOne(CharacterEvent event) {
        CharacterSheet next = created().apply(event, LATER);

        assertThat(next.version()).isEqualTo(2);
        assertThat(next.updatedAt()).isEqualTo(LATER);
        assertThat(next.createdAt()).isEqualTo(CREATED_AT);
    }

    @Test
    void aSequenceOfEventsCountsOneVersionEach() {
        CharacterSheet sheet = created();
        List<CharacterEvent> events = changes().toList();

        for (CharacterEvent event : events) {
            sheet = sheet.apply(event, LATER);
        }

        assertThat(sheet.version()).isEqualTo(1 + events.size());
    }

    @Test
    void applyingLeavesThePreviousStateUntouched() {
        CharacterSheet before = created();

        before.apply(new CharacterRenamed(ID, "Someone Else"), LATER);

        assertThat(before.name()).isEqualTo("Gimli");
        assertThat(before.version()).isEqualTo(1);
    }

    @Test
    void renamingChangesTheName() {
        assertThat(created().apply(new CharacterRenamed(ID, "Gimli II"), LATER).name()).isEqualTo("Gimli II");
    }

    @Test
    void changingAttributesReplacesThem() {
        Attributes attributes = new Attributes(18, 9, 17, 10, 12, 8);

        assertThat(created().apply(new AttributesChanged(ID, attributes), LATER).attributes()).isEqualTo(attributes);
    }

    @Test
    void experienceGainedSetsTotalAndLevel() {
        CharacterSheet sheet = created().apply(new ExperienceGained(ID, 350, "orcs", 350, 2), LATER);

        assertThat(sheet.experience()).isEqualTo(350);
        assertThat(sheet.level()).isEqualTo(2);
    }

    @Test
    void visibilityChangedSetsVisibility() {
        CharacterSheet sheet = created().apply(new VisibilityChanged(ID, Visibility.PUBLIC), LATER);

        assertThat(sheet.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(sheet.publiclyVisible()).isTrue();
    }

    @Test
    void retiringSetsRetired() {
        CharacterSheet sheet = created().apply(new CharacterRetired(ID), LATER);

        assertThat(sheet.status()).isEqualTo(CharacterStatus.RETIRED);
        assertThat(sheet.retired()).isTrue();
    }

    @Test
    void onlyTheOwnerOwnsTheCharacter() {
        assertThat(created().isOwnedBy(OWNER)).isTrue();
        assertThat(created().isOwnedBy(UUID.randomUUID())).isFalse();
    }

    @Test
    void withoutEquipmentEffectiveAttributesAreTheAttributes() {
        assertThat(created().effectiveAttributes()).isEqualTo(created().attributes());
    }

    @Test
    void equippedItemsAddTheirModifiers() {
        CharacterSheet sheet = createdWith(new Attributes(10, 10, 10, 10, 10, 10),
                ring(Map.of("strength", 2, "wisdom", -3), true),
                ring(Map.of("strength", 1, "charisma", 4), true));

        assertThat(sheet.effectiveAttributes()).isEqualTo(new Attributes(13, 10, 10, 10, 7, 14));
        assertThat(sheet.attributes()).isEqualTo(new Attributes(10, 10, 10, 10, 10, 10));
    }

    @Test
    void unequippedItemsDoNotCount() {
        CharacterSheet sheet = createdWith(new Attributes(10, 10, 10, 10, 10, 10),
                ring(Map.of("strength", 5), false),
                ring(Map.of("dexterity", 2), true));

        assertThat(sheet.effectiveAttributes()).isEqualTo(new Attributes(10, 12, 10, 10, 10, 10));
    }

    @Test
    void effectiveAttributesAreClampedToOneToThirty() {
        CharacterSheet sheet = createdWith(new Attributes(28, 2, 10, 10, 10, 10),
                ring(Map.of("strength", 10, "dexterity", -10), true));

        assertThat(sheet.effectiveAttributes()).isEqualTo(new Attributes(30, 1, 10, 10, 10, 10));
    }

    @Test
    void effectiveAttributesFollowAnAttributeChange() {
        CharacterSheet sheet = createdWith(new Attributes(10, 10, 10, 10, 10, 10), ring(Map.of("strength", 3), true))
                .apply(new AttributesChanged(ID, new Attributes(20, 10, 10, 10, 10, 10)), LATER);

        assertThat(sheet.effectiveAttributes().strength()).isEqualTo(23);
    }

    static Stream<CharacterEvent> changes() {
        return Stream.of(
                new CharacterRenamed(ID, "Gimli son of Gloin"),
                new AttributesChanged(ID, new Attributes(16, 10, 16, 9, 12, 8)),
                new ExperienceGained(ID, 300, "goblins", 300, 2),
                new VisibilityChanged(ID, Visibility.PUBLIC),
                new CharacterRetired(ID));
    }

    private static CharacterSheet created() {
        return CharacterSheet.created(new CharacterCreated(ID, OWNER, "Gimli", Race.DWARF, CharacterClass.FIGHTER,
                Attributes.defaults(), null, null, null), CREATED_AT);
    }

    private static CharacterSheet createdWith(Attributes attributes, Item... items) {
        return CharacterSheet.created(new CharacterCreated(ID, OWNER, "Gimli", Race.DWARF, CharacterClass.FIGHTER,
                attributes, null, List.of(items), List.of()), CREATED_AT);
    }

    private static Item ring(Map<String, Integer> modifiers, boolean equipped) {
        return new Item(UUID.randomUUID(), "Ring", ItemType.RING, Rarity.RARE, 0.1, modifiers, equipped);
    }
}
