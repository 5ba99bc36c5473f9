package app.characters.kernel.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CharacterRulesTest {

    @Test
    void nameIsStoredTrimmed() {
        assertThat(CharacterRules.name("  Aragorn \t")).isEqualTo("Aragorn");
    }

    @Test
    void innerSpacesOfANameStay() {
        assertThat(CharacterRules.name(" Drizzt Do'Urden ")).isEqualTo("Drizzt Do'Urden");
    }

    @Test
    void oneCharacterNameIsAccepted() {
        assertThat(CharacterRules.name("X")).isEqualTo("X");
    }

    @Test
    void sixtyFourCharacterNameIsAccepted() {
        String name = "a".repeat(64);

        assertThat(CharacterRules.name(name)).isEqualTo(name);
    }

    @Test
    void sixtyFourCharactersCountAfterTrimming() {
        String name = "a".repeat(64);

        assertThat(CharacterRules.name("   " + name + "   ")).isEqualTo(name);
    }

    @Test
    void sixtyFiveCharacterNameIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CharacterRules.name("a".repeat(65)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   \t\n "})
    void emptyNameIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> CharacterRules.name(name));
    }

    @Test
    void validAttributesPass() {
        assertThatNoException().isThrownBy(() -> CharacterRules.requireValid(new Attributes(1, 30, 10, 10, 10, 10)));
    }

    @Test
    void attributesOutOfRangeAreRefusedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CharacterRules.requireValid(new Attributes(10, 31, 10, 10, 0, 10)))
                .withMessageContaining("dexterity")
                .withMessageContaining("wisdom");
    }

    @Test
    void missingAttributesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CharacterRules.requireValid(null));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 500, 1_000_000})
    void experienceFromOneToAMillionIsAccepted(long amount) {
        assertThatNoException().isThrownBy(() -> CharacterRules.requireValidExperience(amount, "quest"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1_000_001, Long.MAX_VALUE, Long.MIN_VALUE})
    void experienceOutsideOneToAMillionIsRefused(long amount) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CharacterRules.requireValidExperience(amount, "quest"));
    }

    @Test
    void reasonOfOneOrTwoHundredCharactersIsAccepted() {
        assertThatNoException().isThrownBy(() -> CharacterRules.requireValidExperience(1, "x"));
        assertThatNoException().isThrownBy(() -> CharacterRules.requireValidExperience(1, "x".repeat(200)));
    }

    @Test
    void reasonOfTwoHundredAndOneCharactersIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CharacterRules.requireValidExperience(1, "x".repeat(201)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\t"})
    void emptyReasonIsRefused(String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> CharacterRules.requireValidExperience(1, reason));
    }
}
