package app.characters.kernel.character;

import static app.characters.kernel.character.Proficiency.ADEPT;
import static app.characters.kernel.character.Proficiency.APPRENTICE;
import static app.characters.kernel.character.Proficiency.EXPERT;
import static app.characters.kernel.character.Proficiency.MASTER;
import static app.characters.kernel.character.Proficiency.NOVICE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProficiencyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NOVICE, APPRENTICE", "APPRENTICE, ADEPT", "ADEPT, EXPERT", "EXPERT, MASTER"})
    void oneStepUpIsTheNextStep(Proficiency from, Proficiency to) {
        assertThat(from.isNextStep(to)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Proficiency.class)
    void stayingPutIsNotAStep(Proficiency proficiency) {
        assertThat(proficiency.isNextStep(proficiency)).isFalse();
    }

    @Test
    void skippingAStepIsNotTheNextStep() {
        assertThat(NOVICE.isNextStep(ADEPT)).isFalse();
        assertThat(NOVICE.isNextStep(MASTER)).isFalse();
        assertThat(APPRENTICE.isNextStep(EXPERT)).isFalse();
    }

    @Test
    void goingDownIsNotTheNextStep() {
        assertThat(APPRENTICE.isNextStep(NOVICE)).isFalse();
        assertThat(MASTER.isNextStep(EXPERT)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Proficiency.class)
    void nothingFollowsMaster(Proficiency next) {
        assertThat(MASTER.isNextStep(next)).isFalse();
    }

    @Test
    void atLeastFollowsTheLearningOrder() {
        assertThat(EXPERT.atLeast(ADEPT)).isTrue();
        assertThat(EXPERT.atLeast(EXPERT)).isTrue();
        assertThat(ADEPT.atLeast(EXPERT)).isFalse();
    }
}
