package app.characters.infra;

import static app.characters.infra.support.ServiceTest.assertFieldRejected;
import static app.characters.infra.support.ServiceTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationTest extends ServiceTest {

    private static String freshName() {
        return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Answer login(String login, String password) {
        return api.post("/api/v1/sessions", null, Api.map("login", login, "password", password));
    }

    private Answer register(String username, String email, String password) {
        return api.post("/api/v1/users", null, Api.map("username", username, "email", email, "password", password));
    }

    @Test
    void registrationAnswersTheProfileWithoutThePassword() {
        String name = freshName();
        Instant before = Instant.now().minusSeconds(5);

        Answer created = register(name, name + "@example.com", Api.PASSWORD);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.id()).isNotNull();
        assertThat(created.text("username")).isEqualTo(name);
        assertThat(created.text("email")).isEqualTo(name + "@example.com");
        assertThat(Instant.parse(created.text("createdAt"))).isAfter(before).isBefore(Instant.now().plusSeconds(5));
        assertThat(created.body().fieldNames()).toIterable()
                .noneSatisfy(field -> assertThat(field.toLowerCase(Locale.ROOT)).contains("password"));
        assertThat(created.response().body()).doesNotContain("$2a$", Api.PASSWORD);
    }

    @Test
    void aUsernameTakenInAnyCaseIsAConflict() {
        String name = freshName();
        assertThat(register(name, name + "@example.com", Api.PASSWORD).status()).isEqualTo(201);
        long events = eventCount();

        Answer again = register(name.toUpperCase(Locale.ROOT), "other" + name + "@example.com", Api.PASSWORD);

        assertProblem(again, 409);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anEmailTakenInAnyCaseIsAConflict() {
        String name = freshName();
        assertThat(register(name, name + "@example.com", Api.PASSWORD).status()).isEqualTo(201);
        long events = eventCount();

        Answer again = register("x" + name, name.toUpperCase(Locale.ROOT) + "@EXAMPLE.com", Api.PASSWORD);

        assertProblem(again, 409);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from user_account where lower(email) = ?", Long.class,
                name + "@example.com")).isEqualTo(1);
    }

    @Test
    void aUsernameOutsideTheRulesIsRejectedNamingTheField() {
        String name = freshName();
        for (String bad : new String[] {"ab", "x".repeat(33), "has space", "bad/char"}) {
            assertFieldRejected(register(bad, name + "@example.com", Api.PASSWORD), "username");
        }
    }

    @Test
    void anEmailThatIsNotAnAddressIsRejectedNamingTheField() {
        String name = freshName();
        for (String bad : new String[] {"not-an-address", "a@", "@example.com", "a..b@example.com"}) {
            assertFieldRejected(register(name, bad, Api.PASSWORD), "email");
        }
    }

    @Test
    void aPasswordShorterThanTwelveOrLongerThan128IsRejectedNamingTheField() {
        String name = freshName();
        assertFieldRejected(register(name, name + "@example.com", "elevenchars"), "password");
        assertFieldRejected(register(name, name + "@example.com", "p".repeat(129)), "password");
    }

    @Test
    void aPasswordOfTwelveCharactersIsAccepted() {
        String name = freshName();

        assertThat(register(name, name + "@example.com", "twelve chars").status()).isEqualTo(201);
        assertThat(login(name, "twelve chars").status()).isEqualTo(201);
    }

    @Test
    void aPasswordOfAHundredAndTwentyEightCharactersIsAccepted() {
        String name = freshName();
        String longest = "p".repeat(100) + "q".repeat(28);

        Answer created = register(name, name + "@example.com", longest);

        assertThat(created.status()).as("registration with a 128-character password: %s", created.body())
                .isEqualTo(201);
        assertThat(login(name, longest).status()).isEqualTo(201);
        assertProblem(login(name, "p".repeat(100) + "r".repeat(28)), 401);
    }

    @Test
    void aPasswordIsCountedInCharactersNotBytes() {
        String name = freshName();
        String password = "\u00e9".repeat(40);

        Answer created = register(name, name + "@example.com", password);

        assertThat(created.status()).as("registration with a 40-character, 80-byte password: %s", created.body())
                .isEqualTo(201);
        assertThat(login(name, password).status()).isEqualTo(201);
    }

    @Test
    void aPasswordOfEmojiIsCountedAnEmojiACharacter() {
        String name = freshName();
        String emoji = "\uD83D\uDE00";
        String longest = emoji.repeat(128);

        assertFieldRejected(register(name, name + "@example.com", emoji.repeat(6)), "password");
        assertFieldRejected(register(name, name + "@example.com", emoji.repeat(129)), "password");
        Answer created = register(name, name + "@example.com", longest);

        assertThat(created.status()).as("registration with 128 emoji: %s", created.body()).isEqualTo(201);
        assertThat(login(name, longest).status()).isEqualTo(201);
    }

    @Test
    void aRejectedRegistrationStoresNothing() {
        String name = freshName();
        long events = eventCount();

        assertFieldRejected(register(name, name + "@example.com", "short"), "password");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(register(name, name + "@example.com", Api.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aMissingBodyOrMissingFieldsIsABadRequest() {
        assertProblem(api.raw("POST", "/api/v1/users", null, "application/json", null), 400);
        Answer empty = assertProblem(api.post("/api/v1/users", null, Api.map()), 400);
        assertThat(fields(empty)).contains("username", "email", "password");
    }

    @Test
    void loginByUsernameOpensASession() {
        User user = api.signUp();

        Answer session = api.post("/api/v1/sessions", null, Api.map("login", user.username(), "password", Api.PASSWORD));

        assertThat(session.status()).isEqualTo(201);
        assertThat(session.text("token")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(session.text("userId")).isEqualTo(user.id().toString());
        assertThat(Instant.parse(session.text("expiresAt")))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(api.get("/api/v1/users/me", session.text("token")).status()).isEqualTo(200);
    }

    @Test
    void loginByEmailInAnyCaseOpensASession() {
        User user = api.signUp();

        Answer session = api.post("/api/v1/sessions", null,
                Api.map("login", user.email().toUpperCase(Locale.ROOT), "password", Api.PASSWORD));

        assertThat(session.status()).isEqualTo(201);
        assertThat(session.text("userId")).isEqualTo(user.id().toString());
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSameAnswer() {
        User user = api.signUp();

        Answer wrongPassword = api.post("/api/v1/sessions", null,
                Api.map("login", user.username(), "password", "not the right password"));
        Answer unknownLogin = api.post("/api/v1/sessions", null,
                Api.map("login", "nobody" + user.username(), "password", Api.PASSWORD));

        assertProblem(wrongPassword, 401);
        assertProblem(unknownLogin, 401);
        assertThat(wrongPassword.text("detail")).isNotBlank().isEqualTo(unknownLogin.text("detail"));
        assertThat(wrongPassword.text("title")).isEqualTo(unknownLogin.text("title"));
        assertThat(wrongPassword.body().has("token")).isFalse();
    }

    @Test
    void meAnswersTheProfileOfTheTokensOwner() {
        User user = api.signUp();

        Answer me = api.get("/api/v1/users/me", user.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.id()).isEqualTo(user.id());
        assertThat(me.text("username")).isEqualTo(user.username());
        assertThat(me.text("email")).isEqualTo(user.email());
        assertThat(me.body().has("createdAt")).isTrue();
        assertThat(me.response().body()).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
    }

    @Test
    void meWithoutATokenIsUnauthorized() {
        Answer answer = assertProblem(api.get("/api/v1/users/me", null), 401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void meWithAGarbageTokenIsUnauthorized() {
        assertProblem(api.get("/api/v1/users/me", "garbage-token"), 401);
        assertProblem(api.get("/api/v1/users/me", "x".repeat(500)), 401);
        assertProblem(api.raw("GET", "/api/v1/users/me", null, null, null, "Authorization", "Basic dXNlcjpwYXNz"), 401);
    }

    @Test
    void logoutAnswersNoContentAndTheTokenStopsWorking() {
        User user = api.signUp();

        Answer logout = api.delete("/api/v1/sessions/current", user.token());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.response().body()).isEmpty();
        assertProblem(api.get("/api/v1/users/me", user.token()), 401);
        assertProblem(api.delete("/api/v1/sessions/current", user.token()), 401);
    }

    @Test
    void logoutWithoutATokenIsUnauthorized() {
        assertProblem(api.delete("/api/v1/sessions/current", null), 401);
    }

    @Test
    void aJsonContentTypeWithACharsetIsAccepted() {
        String name = freshName();

        Answer created = api.raw("POST", "/api/v1/users", null, "application/json;charset=UTF-8",
                "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\""
                        + Api.PASSWORD + "\"}");

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void anExpiredSessionIsUnauthorized() {
        User user = api.signUp();
        assertThat(api.get("/api/v1/users/me", user.token()).status()).isEqualTo(200);

        jdbc.update("update user_session set expires_at = now() - interval '1 minute' where user_id = ?", user.id());

        // the node checked the token a moment ago and remembers it for up to a second (SESSION_CACHE_TTL)
        await().atMost(Duration.ofSeconds(3)).until(() -> api.get("/api/v1/users/me", user.token()).status() == 401);
        assertProblem(api.get("/api/v1/users/me", user.token()), 401);
        assertProblem(api.post("/api/v1/characters", user.token(),
                Api.map("name", "Late", "race", "ELF", "characterClass", "BARD")), 401);
    }
}
