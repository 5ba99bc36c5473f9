package app.characters.command.character;

import static app.characters.command.RejectedMatcher.rejected;
import static app.characters.command.character.Given.ATTRIBUTES;
import static app.characters.command.character.Given.ID;
import static app.characters.command.character.Given.OWNER;
import static app.characters.command.character.Given.RING;
import static app.characters.command.character.Given.STRANGER;
import static app.characters.command.character.Given.SWORD;
import static app.characters.command.character.Given.acquired;
import static app.characters.command.character.Given.created;
import static app.characters.command.character.Given.sheet;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterCommand.RevertCharacter;
import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.CharacterReverted;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.LearnedSkill;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected.Kind;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reverting reads the character's own events from the event store the fixture registers as a resource. */
class RevertTest {

    private static final Attributes STRONGER = new Attributes(20, 12, 14, 8, 10, 9);

    private FixtureConfiguration<CharacterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = Given.fixture(new SkillDefinition[0]);
    }

    /** Versions 1 to 9 of a character with a bit of everything. */
    private static Object[] history() {
        return new Object[] {
            created(),                                                       // 1
            new CharacterRenamed(ID, "Gimli II"),                            // 2
            acquired(SWORD),                                                 // 3
            new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null), // 4
            new SkillLearned(ID, "swordplay"),                               // 5
            new ExperienceGained(ID, 1000, "trolls", 1000, 3),               // 6
            new AttributesChanged(ID, STRONGER),                             // 7
            acquired(RING),                                                  // 8
            new ItemDropped(ID, SWORD.id()),                                 // 9
        };
    }

    @Test
    void revertingEmitsOneEventCarryingTheStateOfThatVersion() {
        fixture.given(history())
               .when(new RevertCharacter(ID, OWNER, null, 5))
               .expectEvents(new CharacterReverted(ID, 5, "Gimli II", ATTRIBUTES, 0, 1, Visibility.PRIVATE,
                       List.of(SWORD.withEquipped(true)), List.of(new LearnedSkill("swordplay", Proficiency.NOVICE))));
    }

    @Test
    void theAnswerIsTheOldStateAtANewVersion() {
        fixture.given(history())
               .when(new RevertCharacter(ID, OWNER, null, 4))
               .expectResultMessagePayloadMatching(sheet(s -> s.version() == 10 && s.name().equals("Gimli II")
                       && s.attributes().equals(ATTRIBUTES) && s.experience() == 0 && s.level() == 1
                       && s.equipment().equals(List.of(SWORD.withEquipped(true))) && s.skills().isEmpty()
                       && s.effectiveAttributes().strength() == ATTRIBUTES.strength() + 2));
    }

    @Test
    void revertingToTheFirstVersionRestoresTheCharacterAsCreated() {
        fixture.given(history())
               .when(new RevertCharacter(ID, OWNER, null, 1))
               .expectEvents(new CharacterReverted(ID, 1, "Gimli", ATTRIBUTES, 0, 1, Visibility.PRIVATE, List.of(),
                       List.of()));
    }

    @Test
    void revertingToTheCurrentVersionIsAllowedAndChangesNothingButTheVersion() {
        fixture.given(history())
               .when(new RevertCharacter(ID, OWNER, null, 9))
               .expectEvents(new CharacterReverted(ID, 9, "Gimli II", STRONGER, 1000, 3, Visibility.PRIVATE,
                       List.of(RING), List.of(new LearnedSkill("swordplay", Proficiency.NOVICE))))
               .expectResultMessagePayloadMatching(sheet(s -> s.version() == 10));
    }

    @Test
    void revertingBringsBackVisibilityAndProficiency() {
        fixture.given(created(), new SkillLearned(ID, "sneak"), new VisibilityChanged(ID, Visibility.PUBLIC),
                      new SkillImproved(ID, "sneak", Proficiency.APPRENTICE), new VisibilityChanged(ID, Visibility.PRIVATE))
               .when(new RevertCharacter(ID, OWNER, null, 3))
               .expectEvents(new CharacterReverted(ID, 3, "Gimli", ATTRIBUTES, 0, 1, Visibility.PUBLIC, List.of(),
                       List.of(new LearnedSkill("sneak", Proficiency.NOVICE))));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 10, 1000})
    void aVersionTheCharacterNeverHadIsNotFound(long version) {
        fixture.given(history())
               .when(new RevertCharacter(ID, OWNER, null, version))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND, "version " + version));
    }

    @Test
    void aStrangerCannotFindAPrivateCharacterToRevert() {
        fixture.given(history())
               .when(new RevertCharacter(ID, STRANGER, null, 1))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void aStrangerMayNotRevertAPublicCharacter() {
        fixture.given(created(), new VisibilityChanged(ID, Visibility.PUBLIC))
               .when(new RevertCharacter(ID, STRANGER, null, 1))
               .expectNoEvents()
               .expectException(rejected(Kind.FORBIDDEN));
    }

    @Test
    void aRetiredCharacterIsNotRevertedToLife() {
        fixture.given(created(), new CharacterRenamed(ID, "Gimli II"), new CharacterRetired(ID))
               .when(new RevertCharacter(ID, OWNER, null, 2))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void aRevertAtAStaleVersionIsRefused() {
        fixture.given(history())
               .when(new RevertCharacter(ID, OWNER, 8L, 1))
               .expectNoEvents()
               .expectException(rejected(Kind.VERSION_MISMATCH));
    }
}
