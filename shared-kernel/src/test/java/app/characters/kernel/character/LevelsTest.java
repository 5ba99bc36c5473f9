package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LevelsTest {

    @ParameterizedTest(name = "{0} experience is level {1}")
    @CsvSource({
        "0, 1", "300, 2", "900, 3", "2700, 4", "6500, 5", "14000, 6", "23000, 7", "34000, 8", "48000, 9",
        "64000, 10", "85000, 11", "100000, 12", "120000, 13", "140000, 14", "165000, 15", "195000, 16",
        "225000, 17", "265000, 18", "305000, 19", "355000, 20"
    })
    void eachThresholdStartsItsLevel(long experience, int level) {
        assertThat(Levels.levelFor(experience)).isEqualTo(level);
        assertThat(Levels.thresholdOf(level)).isEqualTo(experience);
    }

    @ParameterizedTest(name = "{0} experience is still level {1}")
    @CsvSource({
        "299, 1", "899, 2", "2699, 3", "6499, 4", "13999, 5", "22999, 6", "33999, 7", "47999, 8", "63999, 9",
        "84999, 10", "99999, 11", "119999, 12", "139999, 13", "164999, 14", "194999, 15", "224999, 16",
        "264999, 17", "304999, 18", "354999, 19"
    })
    void oneShortOfAThresholdStaysAtThePreviousLevel(long experience, int level) {
        assertThat(Levels.levelFor(experience)).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(longs = {355_001, 1_000_000, 1_000_000_000_000L, Long.MAX_VALUE})
    void experienceBeyondTheLastThresholdStaysAtLevelTwenty(long experience) {
        assertThat(Levels.levelFor(experience)).isEqualTo(20);
    }

    @Test
    void thereAreTwentyLevels() {
        assertThat(Levels.MAX_LEVEL).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 21, -1})
    void noThresholdOutsideLevelsOneToTwenty(int level) {
        assertThatIllegalArgumentException().isThrownBy(() -> Levels.thresholdOf(level));
    }
}
