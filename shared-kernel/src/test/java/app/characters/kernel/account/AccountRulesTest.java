package app.characters.kernel.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bob", "Ada_Lovelace", "a.b-c_D9", "___", "0123456789abcdefghijklmnopqrstuv"})
    void usernamesOfThreeToThirtyTwoAllowedCharactersAreValid(String username) {
        assertThat(AccountRules.validUsername(username)).isTrue();
    }

    @Test
    void twoCharacterUsernameIsInvalid() {
        assertThat(AccountRules.validUsername("ab")).isFalse();
    }

    @Test
    void thirtyThreeCharacterUsernameIsInvalid() {
        assertThat(AccountRules.validUsername("a".repeat(33))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ada lovelace", "ada@home", "josé", "ada!", "ada/bob", " ada", "ada\n"})
    void usernamesWithOtherCharactersAreInvalid(String username) {
        assertThat(AccountRules.validUsername(username)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "Ada.Lovelace@Example.COM", "first.last+tag@mail.example.co.uk",
        "a_b-c@sub-domain.example.io", "x@y.de"})
    void wellFormedAddressesAreValidEmails(String email) {
        assertThat(AccountRules.validEmail(email)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ada", "ada@", "@example.org", "ada@@example.org", "ada@example", "ada@example..org",
        "ada..lovelace@example.org", "ada lovelace@example.org", "ada@exa mple.org", "ada@-example.org",
        "ada@example-.org", "ada@example.org.", "ada@.example.org", "<ada@example.org>"})
    void malformedAddressesAreInvalidEmails(String email) {
        assertThat(AccountRules.validEmail(email)).isFalse();
    }

    @Test
    void localPartLongerThanSixtyFourIsInvalid() {
        assertThat(AccountRules.validEmail("a".repeat(65) + "@example.org")).isFalse();
    }

    @Test
    void addressLongerThan254IsInvalid() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".org";

        assertThat(email).hasSizeGreaterThan(254);
        assertThat(AccountRules.validEmail(email)).isFalse();
    }

    @Test
    void passwordsOfTwelveToOneHundredTwentyEightCharactersAreValid() {
        assertThat(AccountRules.validPassword("p".repeat(12))).isTrue();
        assertThat(AccountRules.validPassword("correct horse battery staple")).isTrue();
        assertThat(AccountRules.validPassword("p".repeat(128))).isTrue();
    }

    @Test
    void elevenCharacterPasswordIsInvalid() {
        assertThat(AccountRules.validPassword("p".repeat(11))).isFalse();
    }

    @Test
    void passwordOfOneHundredTwentyNineCharactersIsInvalid() {
        assertThat(AccountRules.validPassword("p".repeat(129))).isFalse();
    }

    @Test
    void aPasswordIsCountedInCharactersNotInJavaChars() {
        String emoji = "\uD83D\uDE00";

        assertThat(AccountRules.validPassword(emoji.repeat(6))).isFalse();
        assertThat(AccountRules.validPassword(emoji.repeat(12))).isTrue();
        assertThat(AccountRules.validPassword(emoji.repeat(128))).isTrue();
        assertThat(AccountRules.validPassword(emoji.repeat(129))).isFalse();
        assertThat(AccountRules.plausiblePassword(emoji.repeat(128))).isTrue();
        assertThat(AccountRules.plausiblePassword(emoji.repeat(129))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordIsInvalid(String password) {
        assertThat(AccountRules.validPassword(password)).isFalse();
    }
}
