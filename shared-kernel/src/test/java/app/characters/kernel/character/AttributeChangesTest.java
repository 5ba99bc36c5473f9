package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributeChangesTest {

    private static final Attributes CURRENT = new Attributes(10, 11, 12, 13, 14, 15);

    @Test
    void givenScoresReplaceTheCurrentOnes() {
        assertThat(new AttributeChanges(1, 2, 3, 4, 5, 6).applyTo(CURRENT)).isEqualTo(new Attributes(1, 2, 3, 4, 5, 6));
    }

    @Test
    void missingScoresKeepTheCurrentOnes() {
        assertThat(new AttributeChanges(20, null, null, null, 8, null).applyTo(CURRENT))
                .isEqualTo(new Attributes(20, 11, 12, 13, 8, 15));
    }

    @Test
    void noScoresAtAllIsEmptyAndChangesNothing() {
        AttributeChanges none = new AttributeChanges(null, null, null, null, null, null);

        assertThat(none.none()).isTrue();
        assertThat(none.applyTo(CURRENT)).isEqualTo(CURRENT);
    }

    @Test
    void anyGivenScoreMakesItNonEmpty() {
        assertThat(new AttributeChanges(null, null, null, null, null, 7).none()).isFalse();
    }
}
