package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.metrics.BackupMetrics;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Health, metrics and request ids: what operators and log readers rely on. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends ServiceTest {

    @Autowired
    private BackupMetrics backupMetrics;

    @Autowired
    private LoggingSystem loggingSystem;

    @Test
    void healthReportsEveryEventProcessorWithItsModeLagAndDeadLetters() {
        Answer health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        JsonNode processors = health.body().at("/components/eventProcessors/details/processors");
        assertThat(processors.size()).isGreaterThanOrEqualTo(4);
        for (String name : new String[] {"characters", "accounts", "skills", "templates"}) {
            JsonNode processor = processors.path(name);
            assertThat(processor.path("mode").asText()).as(name).isEqualTo("subscribing");
            assertThat(processor.path("lag").isIntegralNumber()).as(name).isTrue();
            assertThat(processor.path("lag").asLong()).as(name).isZero();
            assertThat(processor.path("deadLetters").asLong()).as(name).isZero();
        }
        assertThat(health.body().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessAreSeparateGroupsAndReadinessWatchesTheProcessors() {
        Answer liveness = api.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.text("status")).isEqualTo("UP");
        assertThat(liveness.body().path("components").has("eventProcessors")).isFalse();

        Answer readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("components").has("readinessState")).isTrue();
        assertThat(readiness.body().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
    }

    @Test
    void axonTimingsAndTheServiceOwnCountersAreExposedToPrometheus() {
        User user = api.signUp();
        UUID id = api.createCharacter(user, "Counted").id();
        double gainedBefore = metric("characters_events_appended_total{type=\"ExperienceGained\"}");
        double failedBefore = metric("characters_logins_failed_total");

        assertThat(api.post("/api/v1/characters/" + id + "/experience", user.token(),
                Api.map("amount", 100, "reason", "a quest")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/characters/" + id + "/experience", user.token(),
                Api.map("amount", 100, "reason", "a stale one")).status()).isEqualTo(200);
        // refused by the aggregate (stale If-Match): nothing stored, nothing counted
        assertThat(api.raw("POST", "/api/v1/characters/" + id + "/experience", user.token(), "application/json",
                "{\"amount\": 5, \"reason\": \"late\"}", "If-Match", "\"1\"").status()).isEqualTo(412);
        assertThat(api.post("/api/v1/sessions", null,
                Api.map("login", user.username(), "password", "not the password at all")).status()).isEqualTo(401);

        String metrics = prometheus();
        assertThat(metric(metrics, "characters_events_appended_total{type=\"ExperienceGained\"}"))
                .isEqualTo(gainedBefore + 2);
        assertThat(metric(metrics, "characters_events_appended_total{type=\"CharacterCreated\"}")).isPositive();
        assertThat(metric(metrics, "characters_logins_failed_total")).isEqualTo(failedBefore + 1);
        assertThat(metrics).containsPattern("(?m)^commandBus_successTimer_seconds_count\\{payloadType=\"GainExperience\"} [1-9]");
        assertThat(metrics).contains("commandBus_successTimer_seconds_sum{");
        assertThat(metrics).containsPattern("(?m)^eventProcessor_successTimer_seconds_count\\{.*processorName=\"characters\".*\\} [1-9]");
    }

    @Test
    void requestsAreTimedByTheirRouteAndStatusWithoutATimerOfTheOnesInFlight() {
        assertThat(api.get("/api/v1/public/characters", null).status()).isEqualTo(200);

        String metrics = prometheus();
        assertThat(metrics).containsPattern(
                "(?m)^http_server_requests_seconds_count\\{.*status=\"200\".*uri=\"/api/v1/public/characters\"} [1-9]");
        assertThat(metrics).doesNotContain("http_server_requests_active");
    }

    @Test
    void backupsRecordedByTheBackupCodeShowAsACounterAndASize() {
        double taken = metric("characters_backups_taken_total");
        double bytes = metric("characters_backup_size_bytes_sum");

        backupMetrics.recorded(4096);
        backupMetrics.recorded(1024);

        String metrics = prometheus();
        assertThat(metric(metrics, "characters_backups_taken_total")).isEqualTo(taken + 2);
        assertThat(metric(metrics, "characters_backup_size_bytes_sum")).isEqualTo(bytes + 5120);
        assertThat(metric(metrics, "characters_backup_size_bytes_max")).isGreaterThanOrEqualTo(4096);
    }

    @Test
    void aSaneRequestIdIsKeptAndEchoedInTheHeaderAndTheProblem() {
        Answer answer = api.raw("GET", "/api/v1/characters/not-a-uuid", null, null, null,
                "X-Request-Id", "game-backend:42.a_b-c");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("X-Request-Id")).isEqualTo("game-backend:42.a_b-c");
        assertThat(answer.text("requestId")).isEqualTo("game-backend:42.a_b-c");
    }

    @Test
    void anInsaneOrMissingRequestIdIsReplacedByAFreshOne() {
        Answer spoofed = api.raw("GET", "/api/v1/users/me", null, null, null,
                "X-Request-Id", "x".repeat(65));
        assertThat(spoofed.status()).isEqualTo(401);
        String given = spoofed.header("X-Request-Id");
        assertThat(UUID.fromString(given)).isNotNull();
        assertThat(spoofed.text("requestId")).isEqualTo(given);

        Answer injected = api.raw("GET", "/api/v1/users/me", null, null, null, "X-Request-Id", "a b\"{}");
        assertThat(injected.header("X-Request-Id")).isNotEqualTo("a b\"{}").matches("[0-9a-f-]{36}");

        Answer plain = api.get("/api/v1/public/characters", null);
        Answer other = api.get("/api/v1/public/characters", null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("X-Request-Id")).isNotBlank().isNotEqualTo(other.header("X-Request-Id"));
    }

    @Test
    void everyKindOfErrorAnswerCarriesTheRequestId() {
        // from a controller (ProblemHandler.problem), from Spring MVC itself (handleExceptionInternal),
        // from a filter before any controller (BodyLimitFilter)
        Answer validation = api.raw("POST", "/api/v1/users", null, "application/json", "{\"username\": 5}",
                "X-Request-Id", "req-validation");
        Answer wrongMethod = api.raw("PATCH", "/api/v1/public/characters", null, "application/json", "{}",
                "X-Request-Id", "req-method");
        Answer tooLarge = api.raw("POST", "/api/v1/users", null, "application/json",
                "{\"username\": \"" + "a".repeat(70_000) + "\"}", "X-Request-Id", "req-large");

        assertThat(validation.status()).isEqualTo(400);
        assertThat(validation.text("requestId")).isEqualTo("req-validation");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("requestId")).isEqualTo("req-method");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.text("requestId")).isEqualTo("req-large");
        assertThat(tooLarge.header("X-Request-Id")).isEqualTo("req-large");
    }

    @Test
    void linesLoggedWhileAnsweringARequestCarryItsId(CapturedOutput output) {
        String logger = "org.springframework.web.servlet.DispatcherServlet";
        LogLevel before = loggingSystem.getLoggerConfiguration(logger).getConfiguredLevel();
        loggingSystem.setLogLevel(logger, LogLevel.DEBUG);
        try {
            api.raw("GET", "/api/v1/public/characters", null, null, null, "X-Request-Id", "log-line-7f3a");
        } finally {
            loggingSystem.setLogLevel(logger, before);
        }
        assertThat(output.getOut()).containsPattern("\\[log-line-7f3a] .*DispatcherServlet.*/api/v1/public/characters");
    }

    private String prometheus() {
        Answer answer = api.get("/actuator/prometheus", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.response().body();
    }

    private double metric(String series) {
        return metric(prometheus(), series);
    }

    /** The value of one series, 0 when it has none yet. */
    private static double metric(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
