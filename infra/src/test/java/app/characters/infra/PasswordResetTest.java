package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.Outbox;
import app.characters.infra.support.ServiceTest;
import org.junit.jupiter.api.Test;

class PasswordResetTest extends ServiceTest {

    private static final String NEW_PASSWORD = "an entirely new password";

    @Test
    void aResetMailsASingleUseTokenThatSetsTheNewPasswordAndEndsEverySession() {
        User user = api.signUp();
        String otherSession = api.post("/api/v1/sessions", null,
                Api.map("login", user.email(), "password", Api.PASSWORD)).text("token");

        assertThat(api.post("/api/v1/password-resets", null, Api.map("email", user.email())).status()).isEqualTo(202);
        String token = Outbox.awaitResetToken(user.email());
        assertThat(jdbc.queryForObject("select count(*) from password_reset where secret_hash like '%' || ? || '%'",
                Long.class, token.substring(37))).as("the secret is stored only as a hash").isZero();

        Answer confirmed = api.post("/api/v1/password-resets/confirm", null,
                Api.map("token", token, "newPassword", NEW_PASSWORD));
        assertThat(confirmed.status()).isEqualTo(204);

        assertThat(api.get("/api/v1/users/me", user.token()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", otherSession).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/sessions", null, Api.map("login", user.username(), "password", Api.PASSWORD))
                .status()).isEqualTo(401);
        assertThat(api.post("/api/v1/sessions", null, Api.map("login", user.username(), "password", NEW_PASSWORD))
                .status()).isEqualTo(201);

        Answer again = api.post("/api/v1/password-resets/confirm", null,
                Api.map("token", token, "newPassword", "yet another password"));
        ServiceTest.assertFieldRejected(again, "token");
    }

    @Test
    void anUnknownAddressGetsTheSame202AndNoMail() {
        String email = "nobody-" + System.nanoTime() + "@example.com";
        assertThat(api.post("/api/v1/password-resets", null, Api.map("email", email)).status()).isEqualTo(202);
        assertThat(Outbox.mailTo(email)).isEmpty();
    }

    @Test
    void somethingThatIsNotAnAddressIsBadInput() {
        ServiceTest.assertFieldRejected(api.post("/api/v1/password-resets", null, Api.map("email", "not-an-address")),
                "email");
    }

    @Test
    void anExpiredTokenIsRefused() {
        User user = api.signUp();
        api.post("/api/v1/password-resets", null, Api.map("email", user.email()));
        String token = Outbox.awaitResetToken(user.email());
        jdbc.update("update password_reset set expires_at = now() - interval '1 minute' where user_id = ?", user.id());

        ServiceTest.assertFieldRejected(api.post("/api/v1/password-resets/confirm", null,
                Api.map("token", token, "newPassword", NEW_PASSWORD)), "token");
        assertThat(api.get("/api/v1/users/me", user.token()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrMalformedTokenIsRefused() {
        for (String token : new String[] {"garbage", "00000000-0000-0000-0000-000000000000.abcdefghijklmnopqrstuv", "."}) {
            ServiceTest.assertFieldRejected(api.post("/api/v1/password-resets/confirm", null,
                    Api.map("token", token, "newPassword", NEW_PASSWORD)), "token");
        }
    }

    @Test
    void resetRequestsForOneAccountAreLimitedWithRetryAfter() {
        User user = api.signUp();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/password-resets", null, Api.map("email", user.email())).status()).isEqualTo(202);
        }
        Answer limited = api.post("/api/v1/password-resets", null, Api.map("email", user.email()));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 61L);
    }

    @Test
    void loginAttemptsForOneAccountAreLimitedWithRetryAfter() {
        User user = api.signUp();
        for (int i = 0; i < 9; i++) {
            assertThat(api.post("/api/v1/sessions", null, Api.map("login", user.username(), "password", "wrong password!!"))
                    .status()).isEqualTo(401);
        }
        Answer limited = api.post("/api/v1/sessions", null, Api.map("login", user.username(), "password", Api.PASSWORD));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
    }
}
