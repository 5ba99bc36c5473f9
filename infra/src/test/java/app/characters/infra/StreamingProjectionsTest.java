package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code PROJECTIONS_MODE=streaming} in one node: a request still answers the row its own command made, and an event
 * a projection refuses waits in the dead-letter queue, shown by health, until an admin retries it.
 */
@SpringBootTest(classes = CharacterService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.database.ephemeral=true", "app.projections.mode=streaming",
                "app.projections.claim-interval=PT0.5S", "axon.eventhandling.tokenstore.claim-timeout=3s",
                "ADMIN_USERNAME=" + StreamingProjectionsTest.ADMIN, "ADMIN_EMAIL=keeper@example.com",
                "ADMIN_PASSWORD=" + Api.PASSWORD})
class StreamingProjectionsTest {

    static final String ADMIN = "keeper";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
    }

    @Test
    void everyCreationAnswersTheNewRowAlthoughTheProjectionsRunApart() {
        User user = api.signUp();
        assertThat(api.get("/api/v1/users/me", user.token()).text("username")).isEqualTo(user.username());

        Answer created = api.createCharacter(user, "Streamer");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Answer template = api.post("/api/v1/characters/" + created.id() + "/template", user.token(),
                Api.map("name", "Streamer kit"));
        assertThat(template.status()).as(template.body().toString()).isEqualTo(201);
        assertThat(template.text("name")).isEqualTo("Streamer kit");

        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);
        Answer defined = api.post("/api/v1/skills", admin(), Api.map("id", skill, "name", "Streaming",
                "category", "KNOWLEDGE"));
        assertThat(defined.status()).as(defined.body().toString()).isEqualTo(201);
        assertThat(defined.text("id")).isEqualTo(skill);

        Answer health = api.get("/actuator/health", null);
        assertThat(health.body().at("/components/eventProcessors/details/processors/characters/mode").asText())
                .isEqualTo("streaming");
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = 'characters'",
                Long.class)).isEqualTo(4);
    }

    @Test
    void anEventPastAGapIsDeadLetteredUntilTheGapIsFilledAndAnAdminRetriesIt() {
        User user = api.signUp();
        UUID victim = api.createCharacter(user, "Victim").id();
        UUID bystander = api.createCharacter(user, "Bystander").id();
        gain(user, victim, 10);
        // the victim is at version 2 (sequence numbers 0 and 1); version 4 comes first, version 3 is missing
        insertExperienceGained(victim, 3, 30, 60);

        gain(user, bystander, 5);
        gain(user, bystander, 5);
        awaitDeadLetters(1);
        // the projection goes on with the others
        await().atMost(Duration.ofSeconds(20)).until(() -> version(bystander) == 3);
        assertThat(version(victim)).isEqualTo(2);
        assertThat(api.get("/api/v1/characters/" + bystander, user.token()).body().path("experience").asLong())
                .isEqualTo(10);
        String cause = jdbc.queryForObject("select cause_message from dead_letter_entry", String.class);
        assertThat(cause).contains("version 2", "version 4");

        assertThat(api.post("/api/v1/admin/dead-letters/retry", user.token(), Map.of()).status()).isEqualTo(403);
        Answer tooEarly = api.post("/api/v1/admin/dead-letters/retry", admin(), Map.of());
        assertThat(tooEarly.status()).isEqualTo(200);
        assertThat(tooEarly.body().path("retried").asLong()).isZero();
        assertThat(tooEarly.body().path("remaining").asLong()).isEqualTo(1);

        // the missing version arrives after the one it holds up, and queues behind it
        insertExperienceGained(victim, 2, 20, 30);
        awaitDeadLetters(2);

        Answer retried = api.post("/api/v1/admin/dead-letters/retry", admin(), Map.of());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("retried").asLong()).isEqualTo(2);
        assertThat(retried.body().path("remaining").asLong()).isZero();
        assertThat(retried.body().at("/processors/characters/remaining").asLong()).isZero();
        assertThat(version(victim)).isEqualTo(4);
        assertThat(jdbc.queryForList("select version from character_version where character_id = ? order by version",
                Long.class, victim)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(api.get("/api/v1/characters/" + victim, user.token()).body().path("experience").asLong())
                .isEqualTo(60);
        awaitDeadLetters(0);

        // the character goes on as if nothing had happened
        gain(user, victim, 40);
        await().atMost(Duration.ofSeconds(20)).until(() -> version(victim) == 5);
        assertThat(api.get("/api/v1/characters/" + victim, user.token()).body().path("experience").asLong())
                .isEqualTo(100);
    }

    private void gain(User user, UUID id, int amount) {
        Answer changed = api.post("/api/v1/characters/" + id + "/experience", user.token(),
                Api.map("amount", amount, "reason", "a quest"));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    }

    /** An ExperienceGained written straight into the event store, as an import gone wrong would. */
    private void insertExperienceGained(UUID id, long sequence, long amount, long total) {
        String payload = "{\"characterId\":\"" + id + "\",\"amount\":" + amount + ",\"reason\":\"an import\","
                + "\"totalExperience\":" + total + ",\"level\":1}";
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp)
                values (?, ?, 'CharacterAggregate', ?, convert_to('{}', 'UTF8'), ?, '2',
                    'app.characters.kernel.character.CharacterEvent$ExperienceGained', '2026-01-01T00:00:00.000Z')""",
                id.toString(), sequence, UUID.randomUUID().toString(), payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The version in the read tables, once the projection has had its chance. */
    private long version(UUID id) {
        List<Long> versions = jdbc.queryForList("select version from character_summary where id = ?", Long.class, id);
        return versions.isEmpty() ? 0 : versions.get(0);
    }

    private void awaitDeadLetters(long expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Answer health = api.get("/actuator/health", null);
            assertThat(health.body().at("/components/eventProcessors/details/deadLetters").asLong(-1))
                    .as(health.body().toString()).isEqualTo(expected);
            assertThat(health.body().at("/components/eventProcessors/details/processors/characters/deadLetters")
                    .asLong(-1)).isEqualTo(expected);
        });
    }

    private String admin() {
        Answer session = api.post("/api/v1/sessions", null, Map.of("login", ADMIN, "password", Api.PASSWORD));
        assertThat(session.status()).isEqualTo(201);
        return session.text("token");
    }
}
