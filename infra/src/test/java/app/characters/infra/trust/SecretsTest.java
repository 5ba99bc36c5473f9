package app.characters.infra.trust;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.database.DatabaseSettings;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Outbox;
import app.characters.infra.support.ServiceTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A whole account's life (registration, logins, a character and a change, a password reset by mail,
 * the new password) while the service's log output is captured and every answer kept: no password,
 * session token, reset token or database password may show in either, nor be stored in the clear.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest extends ServiceTest {

    private static final List<String> BODY_LOGGERS = List.of("org.springframework.web", "app.characters");

    @Autowired
    private LoggingSystem logging;

    @Autowired
    private DatabaseSettings configuredDatabase;

    @Autowired
    private DatabaseConnection database;

    /** Everything the service answered, and which secrets each answer may carry (a login carries its token). */
    private final List<Shown> answers = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();

    record Shown(String request, String text, Set<String> mayCarry) {
    }

    @AfterEach
    void restoreLogLevels() {
        BODY_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void aWholeAccountLifeLeaksNoSecretIntoLogsAnswersOrTables(CapturedOutput output) {
        scenario();

        assertNoSecretIn(output);
    }

    @Test
    void evenLoggingRequestsAndAnswersAtDebugKeepsTheSecrets(CapturedOutput output) {
        BODY_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));

        scenario();

        assertThat(output.getOut()).as("debug logging is on").contains("DEBUG");
        assertNoSecretIn(output);
    }

    private void scenario() {
        String name = uniqueTag();
        String email = name + "@example.com";
        secrets.put("first password", "first-Pa55word-" + UUID.randomUUID());
        secrets.put("wrong password", "wrong-Pa55word-" + UUID.randomUUID());
        secrets.put("new password", "new-Pa55word-" + UUID.randomUUID());
        if (configuredDatabase.password() != null) {
            secrets.put("database password", configuredDatabase.password());
        }
        if (database.settings().password() != null) {
            secrets.put("database password (started)", database.settings().password());
        }

        Answer registered = call("register", "POST", "/api/v1/users", null,
                Api.map("username", name, "email", email, "password", secrets.get("first password")));
        assertThat(registered.status()).isEqualTo(201);
        String token = login("first session token", name, secrets.get("first password"));
        String second = login("second session token", email, secrets.get("first password"));
        Answer refused = call("wrong login", "POST", "/api/v1/sessions", null,
                Api.map("login", name, "password", secrets.get("wrong password")));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(call("profile", "GET", "/api/v1/users/me", token, null).status()).isEqualTo(200);

        Answer created = call("create", "POST", "/api/v1/characters", token,
                Api.map("name", "Keeper of secrets", "race", "GNOME", "characterClass", "WIZARD"));
        assertThat(created.status()).isEqualTo(201);
        String character = path(created.id());
        assertThat(call("gain", "POST", character + "/experience", second,
                Api.map("amount", 300, "reason", "kept a secret")).status()).isEqualTo(200);
        assertThat(call("read", "GET", character, token, null).status()).isEqualTo(200);
        assertThat(call("history", "GET", character + "/versions", token, null).status()).isEqualTo(200);

        assertThat(call("reset", "POST", "/api/v1/password-resets", null, Api.map("email", email)).status())
                .isEqualTo(202);
        secrets.put("reset token", Outbox.awaitResetToken(email));
        assertThat(call("confirm", "POST", "/api/v1/password-resets/confirm", null,
                Api.map("token", secrets.get("reset token"), "newPassword", secrets.get("new password"))).status())
                .isEqualTo(204);
        assertThat(call("used reset", "POST", "/api/v1/password-resets/confirm", null,
                Api.map("token", secrets.get("reset token"), "newPassword", secrets.get("wrong password"))).status())
                .isEqualTo(400);

        assertThat(call("old token", "GET", "/api/v1/users/me", token, null).status()).isEqualTo(401);
        assertThat(call("old password", "POST", "/api/v1/sessions", null,
                Api.map("login", name, "password", secrets.get("first password"))).status()).isEqualTo(401);
        String third = login("new session token", name, secrets.get("new password"));
        assertThat(call("profile again", "GET", "/api/v1/users/me", third, null).status()).isEqualTo(200);
        assertThat(call("logout", "DELETE", "/api/v1/sessions/current", third, null).status()).isEqualTo(204);
        assertThat(call("info", "GET", "/actuator/info", null, null).status()).isEqualTo(200);
        assertThat(call("health", "GET", "/actuator/health", null, null).status()).isIn(200, 503);

        // the capture must see the service's logging for the checks below to mean anything
        LoggerFactory.getLogger(SecretsTest.class).info("secrets scenario for {} done", name);
    }

    private void assertNoSecretIn(CapturedOutput output) {
        assertThat(output.getAll()).contains("secrets scenario for");
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            assertThat(output.getAll()).as("the log shows the %s", secret.getKey()).doesNotContain(secret.getValue());
            for (Shown answer : answers) {
                if (!answer.mayCarry().contains(secret.getKey())) {
                    assertThat(answer.text()).as("the answer to %s shows the %s", answer.request(), secret.getKey())
                            .doesNotContain(secret.getValue());
                }
            }
            assertThat(storedInTheClear(secret.getValue())).as("tables holding the %s in the clear", secret.getKey())
                    .isEmpty();
        }
        assertThat(answers.stream().filter(a -> a.request().equals("info")).findFirst().orElseThrow().text())
                .doesNotContainPattern("(?i)password=(?!\\*\\*\\*\\*)");
    }

    /** The tables that hold the secret as it is, rather than as a hash. */
    private List<String> storedInTheClear(String secret) {
        List<String> tables = new ArrayList<>();
        for (String table : List.of("domain_event_entry", "snapshot_event_entry")) {
            Long rows = jdbc.queryForObject("select count(*) from " + table
                    + " where position(convert_to(?, 'UTF8') in payload) > 0"
                    + " or position(convert_to(?, 'UTF8') in meta_data) > 0", Long.class, secret, secret);
            if (rows != null && rows > 0) {
                tables.add(table);
            }
        }
        for (String table : List.of("user_account", "user_session", "password_reset", "attempt_window",
                "character_summary", "character_version", "account_claim")) {
            Long rows = jdbc.queryForObject("select count(*) from " + table + " t where t::text like '%' || ? || '%'",
                    Long.class, secret);
            if (rows != null && rows > 0) {
                tables.add(table);
            }
        }
        return tables;
    }

    private String login(String secretName, String login, String password) {
        Answer session = call(secretName, "POST", "/api/v1/sessions", null, Api.map("login", login, "password", password));
        assertThat(session.status()).as("login: %s", session.body()).isEqualTo(201);
        String token = session.text("token");
        secrets.put(secretName, token);
        answers.set(answers.size() - 1, new Shown(secretName, answers.get(answers.size() - 1).text(), Set.of(secretName)));
        return token;
    }

    private Answer call(String label, String method, String path, String token, Object body) {
        Answer answer = switch (method) {
            case "GET" -> api.get(path, token);
            case "DELETE" -> api.delete(path, token);
            case "POST" -> api.post(path, token, body);
            default -> throw new IllegalArgumentException(method);
        };
        StringBuilder text = new StringBuilder().append(answer.status()).append('\n');
        answer.response().headers().map().forEach((name, values) -> text.append(name).append(": ")
                .append(String.join(", ", values)).append('\n'));
        text.append(answer.response().body());
        answers.add(new Shown(label, text.toString(), Set.of()));
        return answer;
    }
}
