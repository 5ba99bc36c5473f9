package app.characters.kernel.character;

import static app.characters.kernel.character.Proficiency.ADEPT;
import static app.characters.kernel.character.Proficiency.APPRENTICE;
import static app.characters.kernel.character.Proficiency.EXPERT;
import static app.characters.kernel.character.Proficiency.NOVICE;
import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.character.SkillDefinition.Prerequisite;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillsTest {

    private static final SkillDefinition RIPOSTE = new SkillDefinition("riposte", "Riposte", SkillCategory.COMBAT, 4,
            List.of(new Prerequisite("parry", ADEPT), new Prerequisite("swordplay", APPRENTICE)));

    @ParameterizedTest
    @ValueSource(strings = {"fireball", "shadow-step", "a", "level-20-nova", "x1"})
    void lowerCaseSlugsAreSkillIds(String id) {
        assertThat(Skills.validId(id)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Fireball", "fire ball", "-fireball", "fireball-", "fire--ball", "fire_ball", "feu-é"})
    void anythingElseIsNotASkillId(String id) {
        assertThat(Skills.validId(id)).isFalse();
    }

    @Test
    void aSkillIdIsAtMostSixtyFourCharacters() {
        assertThat(Skills.validId("a".repeat(64))).isTrue();
        assertThat(Skills.validId("a".repeat(65))).isFalse();
    }

    @Test
    void nothingIsMissingWhenLevelAndEveryPrerequisiteSuffice() {
        assertThat(Skills.missingFor(RIPOSTE, 4, List.of(new LearnedSkill("parry", ADEPT),
                new LearnedSkill("swordplay", APPRENTICE)))).isEmpty();
    }

    @Test
    void aHigherProficiencyThanRequiredAlsoSuffices() {
        assertThat(Skills.missingFor(RIPOSTE, 20, List.of(new LearnedSkill("parry", EXPERT),
                new LearnedSkill("swordplay", Proficiency.MASTER)))).isEmpty();
    }

    @Test
    void aLowLevelIsNamedWithTheLevelNeededAndHad() {
        assertThat(Skills.missingFor(RIPOSTE, 3, List.of(new LearnedSkill("parry", ADEPT),
                new LearnedSkill("swordplay", APPRENTICE)))).containsExactly("level 4 (is 3)");
    }

    @Test
    void aPrerequisiteNotLearnedIsNamed() {
        assertThat(Skills.missingFor(RIPOSTE, 4, List.of(new LearnedSkill("parry", ADEPT))))
                .containsExactly("swordplay at APPRENTICE (not learned)");
    }

    @Test
    void aPrerequisiteKnownTooLittleIsNamedWithWhatIsKnown() {
        assertThat(Skills.missingFor(RIPOSTE, 4, List.of(new LearnedSkill("parry", APPRENTICE),
                new LearnedSkill("swordplay", APPRENTICE)))).containsExactly("parry at ADEPT (is APPRENTICE)");
    }

    @Test
    void everyShortfallIsNamed() {
        assertThat(Skills.missingFor(RIPOSTE, 1, List.of(new LearnedSkill("swordplay", NOVICE))))
                .containsExactly("level 4 (is 1)", "parry at ADEPT (not learned)", "swordplay at APPRENTICE (is NOVICE)");
    }

    @Test
    void aSkillWithoutPrerequisitesNeedsOnlyItsLevel() {
        SkillDefinition sneak = new SkillDefinition("sneak", "Sneak", SkillCategory.STEALTH, 1, null);

        assertThat(sneak.prerequisites()).isEmpty();
        assertThat(Skills.missingFor(sneak, 1, List.of())).isEmpty();
    }

    @Test
    void findsALearnedSkillById() {
        List<LearnedSkill> known = List.of(new LearnedSkill("sneak", ADEPT));

        assertThat(Skills.find(known, "sneak")).contains(new LearnedSkill("sneak", ADEPT));
        assertThat(Skills.find(known, "archery")).isEmpty();
    }
}
