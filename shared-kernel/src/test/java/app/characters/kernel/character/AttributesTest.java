package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void defaultsAreTenEach() {
        assertThat(Attributes.defaults()).isEqualTo(new Attributes(10, 10, 10, 10, 10, 10));
    }

    @Test
    void scoresFromOneToThirtyAreInRange() {
        assertThat(new Attributes(1, 30, 1, 30, 15, 10).outOfRange()).isEmpty();
        assertThat(Attributes.defaults().outOfRange()).isEmpty();
    }

    @Test
    void outOfRangeNamesEachScoreBelowOneOrAboveThirty() {
        assertThat(new Attributes(0, 10, 31, 10, -5, 100).outOfRange())
                .containsExactly("strength", "constitution", "wisdom", "charisma");
    }

    @Test
    void outOfRangeNamesEveryScoreByItsName() {
        assertThat(new Attributes(0, 0, 0, 0, 0, 0).outOfRange()).containsExactlyElementsOf(Attributes.NAMES);
    }

    @Test
    void plusAddsScoreByScore() {
        Attributes base = new Attributes(10, 11, 12, 13, 14, 15);
        Attributes modifiers = new Attributes(1, -2, 3, -4, 5, 0);

        assertThat(base.plus(modifiers)).isEqualTo(new Attributes(11, 9, 15, 9, 19, 15));
    }

    @Test
    void clampedBringsEachScoreIntoOneToThirty() {
        assertThat(new Attributes(-3, 0, 1, 30, 31, 45).clamped()).isEqualTo(new Attributes(1, 1, 1, 30, 30, 30));
    }

    @Test
    void clampedLeavesScoresInRangeAlone() {
        Attributes inRange = new Attributes(1, 5, 10, 20, 29, 30);

        assertThat(inRange.clamped()).isEqualTo(inRange);
    }

    @Test
    void valuesFollowTheOrderOfNames() {
        assertThat(new Attributes(1, 2, 3, 4, 5, 6).values()).containsExactly(1, 2, 3, 4, 5, 6);
    }
}
