package app.characters.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.CharacterService;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole service over HTTP on a real, throw-away embedded PostgreSQL. Every test class that
 * extends this shares one running service, so tests make their own users and characters.
 */
@SpringBootTest(classes = CharacterService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.database.ephemeral=true", "DB_POOL_SIZE=20", "MAIL_OUTBOX_DIR=target/test-outbox",
                // every test signs in from 127.0.0.1: the per-address limits are tested on their own
                "app.limits.login-per-address=1000000", "app.limits.reset-per-address=1000000",
                "ADMIN_USERNAME=" + ServiceTest.ADMIN_USERNAME, "ADMIN_EMAIL=" + ServiceTest.ADMIN_EMAIL,
                "ADMIN_PASSWORD=" + ServiceTest.ADMIN_PASSWORD})
@AutoConfigureObservability(tracing = false) // metrics as in production: /actuator/prometheus answers
public abstract class ServiceTest {

    /** The one admin the service creates at start from its ADMIN_* settings. */
    protected static final String ADMIN_USERNAME = "catalogue_admin";
    protected static final String ADMIN_EMAIL = "catalogue.admin@example.com";
    protected static final String ADMIN_PASSWORD = "an admin password, long enough";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected long eventCount(UUID characterId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, characterId.toString());
    }

    protected long versionRows(UUID characterId) {
        return jdbc.queryForObject("select count(*) from character_version where character_id = ?", Long.class,
                characterId);
    }

    /** A word no other test uses, to find this test's characters among everyone's. */
    protected static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected static String path(UUID characterId) {
        return "/api/v1/characters/" + characterId;
    }

    /** A new character of the owner's, made public; answers its id. */
    protected UUID publicCharacter(User owner, String name) {
        UUID id = api.createCharacter(owner, name).id();
        Answer changed = api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC"));
        assertThat(changed.status()).isEqualTo(200);
        return id;
    }

    /**
     * The answer is an RFC 9457 problem with that status, and shows nothing of the service's insides.
     */
    public static Answer assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.response().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.response().body())
                .doesNotContain("Exception", "org.", "SQL", "at app.", "java.");
        return answer;
    }

    /** A 400 problem whose {@code errors} name the field. */
    public static Answer assertFieldRejected(Answer answer, String field) {
        assertProblem(answer, 400);
        assertThat(fields(answer)).contains(field);
        return answer;
    }

    public static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : answer.body().path("errors")) {
            fields.add(error.path("field").asText());
        }
        return fields;
    }

    /**
     * The admin, signed in once per running service: logins are limited per account, and a
     * session lasts a day.
     */
    protected Api.User admin() {
        return ADMINS.computeIfAbsent(port, p -> api.signIn(ADMIN_USERNAME, ADMIN_PASSWORD));
    }

    private static final java.util.Map<Integer, Api.User> ADMINS = new java.util.concurrent.ConcurrentHashMap<>();
}
