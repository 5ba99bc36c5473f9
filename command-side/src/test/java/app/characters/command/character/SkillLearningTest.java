package app.characters.command.character;

import static app.characters.command.RejectedMatcher.rejected;
import static app.characters.command.character.Given.ID;
import static app.characters.command.character.Given.OWNER;
import static app.characters.command.character.Given.STRANGER;
import static app.characters.command.character.Given.created;
import static app.characters.command.character.Given.sheet;
import static app.characters.kernel.character.Proficiency.ADEPT;
import static app.characters.kernel.character.Proficiency.APPRENTICE;
import static app.characters.kernel.character.Proficiency.EXPERT;
import static app.characters.kernel.character.Proficiency.NOVICE;

import app.characters.kernel.character.CharacterCommand.ImproveSkill;
import app.characters.kernel.character.CharacterCommand.LearnSkill;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.LearnedSkill;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.SkillDefinition.Prerequisite;
import app.characters.kernel.common.Rejected.Kind;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillLearningTest {

    private static final SkillDefinition SWORDPLAY = skill("swordplay", 1);
    private static final SkillDefinition SNEAK = skill("sneak", 1);
    private static final SkillDefinition PARRY = skill("parry", 2, new Prerequisite("swordplay", APPRENTICE));
    private static final SkillDefinition SHADOW_STEP = skill("shadow-step", 3,
            new Prerequisite("swordplay", ADEPT), new Prerequisite("sneak", NOVICE));

    private FixtureConfiguration<CharacterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = Given.fixture(new SkillDefinition[] {SWORDPLAY, SNEAK, PARRY, SHADOW_STEP});
    }

    @Test
    void aSkillWithoutPrerequisitesIsLearnedAtNovice() {
        fixture.given(created())
               .when(new LearnSkill(ID, OWNER, null, "swordplay"))
               .expectEvents(new SkillLearned(ID, "swordplay"))
               .expectResultMessagePayloadMatching(sheet(s -> s.version() == 2
                       && s.skills().equals(List.of(new LearnedSkill("swordplay", NOVICE)))));
    }

    @Test
    void aSkillIsLearnedWhenLevelAndEveryPrerequisiteSuffice() {
        fixture.given(created(), levelTwo(), new SkillLearned(ID, "swordplay"),
                      new SkillImproved(ID, "swordplay", APPRENTICE))
               .when(new LearnSkill(ID, OWNER, null, "parry"))
               .expectEvents(new SkillLearned(ID, "parry"));
    }

    @Test
    void aSkillAboveTheCharactersLevelIsRefusedNamingTheLevel() {
        fixture.given(created(), new SkillLearned(ID, "swordplay"), new SkillImproved(ID, "swordplay", APPRENTICE))
               .when(new LearnSkill(ID, OWNER, null, "parry"))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "parry", "level 2 (is 1)"));
    }

    @Test
    void aMissingPrerequisiteIsRefusedNamingIt() {
        fixture.given(created(), levelTwo())
               .when(new LearnSkill(ID, OWNER, null, "parry"))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "swordplay at APPRENTICE (not learned)"));
    }

    @Test
    void aPrerequisiteKnownTooLittleIsRefusedNamingItAndWhatIsKnown() {
        fixture.given(created(), levelTwo(), new SkillLearned(ID, "swordplay"))
               .when(new LearnSkill(ID, OWNER, null, "parry"))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "swordplay at APPRENTICE (is NOVICE)"));
    }

    @Test
    void everyShortfallIsNamed() {
        fixture.given(created(), new SkillLearned(ID, "swordplay"))
               .when(new LearnSkill(ID, OWNER, null, "shadow-step"))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "level 3", "swordplay at ADEPT", "sneak at NOVICE (not learned)"));
    }

    @Test
    void aSkillNotInTheCatalogueIsRefused() {
        fixture.given(created())
               .when(new LearnSkill(ID, OWNER, null, "juggling"))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "juggling"));
    }

    @Test
    void aSkillIsLearnedOnlyOnce() {
        fixture.given(created(), new SkillLearned(ID, "sneak"))
               .when(new LearnSkill(ID, OWNER, null, "sneak"))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "sneak"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NOVICE, APPRENTICE", "APPRENTICE, ADEPT", "ADEPT, EXPERT", "EXPERT, MASTER"})
    void proficiencyRisesOneStep(Proficiency from, Proficiency to) {
        fixture.given(sneakAt(from))
               .when(new ImproveSkill(ID, OWNER, null, "sneak", to))
               .expectEvents(new SkillImproved(ID, "sneak", to))
               .expectResultMessagePayloadMatching(sheet(s -> s.skills().equals(List.of(new LearnedSkill("sneak", to)))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NOVICE, ADEPT", "NOVICE, MASTER", "APPRENTICE, EXPERT", "NOVICE, NOVICE", "ADEPT, APPRENTICE",
            "MASTER, MASTER"})
    void proficiencyNeverJumpsStaysOrFalls(Proficiency from, Proficiency to) {
        fixture.given(sneakAt(from))
               .when(new ImproveSkill(ID, OWNER, null, "sneak", to))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "one step"));
    }

    @Test
    void aJumpIsRefusedNamingTheNextStep() {
        fixture.given(created(), new SkillLearned(ID, "sneak"))
               .when(new ImproveSkill(ID, OWNER, null, "sneak", EXPERT))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "NOVICE", "APPRENTICE"));
    }

    @Test
    void aSkillNotLearnedCannotBeImproved() {
        fixture.given(created())
               .when(new ImproveSkill(ID, OWNER, null, "sneak", APPRENTICE))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "sneak"));
    }

    @Test
    void aStrangerCannotTeachAPrivateCharacter() {
        fixture.given(created())
               .when(new LearnSkill(ID, STRANGER, null, "sneak"))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void aRetiredCharacterLearnsNothing() {
        fixture.given(created(), new CharacterRetired(ID))
               .when(new LearnSkill(ID, OWNER, null, "sneak"))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    private static ExperienceGained levelTwo() {
        return new ExperienceGained(ID, 300, "training", 300, 2);
    }

    /** A character that knows sneak at a proficiency, raised there one step at a time. */
    private static List<Object> sneakAt(Proficiency proficiency) {
        List<Object> events = new ArrayList<>(List.of(created(), new SkillLearned(ID, "sneak")));
        for (Proficiency p = NOVICE; p != proficiency; p = p.next().orElseThrow()) {
            events.add(new SkillImproved(ID, "sneak", p.next().orElseThrow()));
        }
        return events;
    }

    private static SkillDefinition skill(String id, int minLevel, Prerequisite... prerequisites) {
        return new SkillDefinition(id, id, SkillCategory.COMBAT, minLevel, List.of(prerequisites));
    }
}
