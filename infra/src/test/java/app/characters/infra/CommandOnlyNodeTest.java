package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.axon.DeadLetters;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code PROJECTIONS_ENABLED=false}: a command-only node stores changes and runs no projection. Alone, as here, nothing
 * makes its read rows, so a creation that waited its time answers 202: stored, not yet readable.
 */
@SpringBootTest(classes = CharacterService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.database.ephemeral=true", "app.projections.mode=streaming",
                "app.projections.enabled=false", "app.projections.read-your-writes-timeout=PT0.3S"})
class CommandOnlyNodeTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DeadLetters deadLetters;

    @Test
    void aCommandOnlyNodeStoresChangesAndClaimsNoSegment() {
        Api api = new Api("http://localhost:" + port);
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        Answer registered = api.post("/api/v1/users", null,
                Map.of("username", username, "email", username + "@example.com", "password", Api.PASSWORD));

        assertThat(registered.status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%UserRegistered'"
                + " and convert_from(payload, 'UTF8') like ?", Long.class, "%" + username + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from user_account where username = ?", Long.class, username))
                .isZero();

        JsonNode processors = api.get("/actuator/health", null).body()
                .at("/components/eventProcessors/details/processors");
        assertThat(processors.size()).isEqualTo(4);
        processors.forEach(processor -> assertThat(processor.path("mode").asText()).isEqualTo("off"));
        assertThat(jdbc.queryForObject("select count(*) from token_entry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from projection_node", Long.class)).isZero();

        // an admin's retry may land here (a POST goes to a command node): the queues are within reach
        assertThat(deadLetters.waiting()).containsOnlyKeys("accounts", "characters", "skills", "templates");
        assertThat(deadLetters.retryAll()).containsOnlyKeys("accounts", "characters", "skills", "templates");
    }
}
