package app.characters.infra.support;

import app.characters.infra.CharacterService;
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
        properties = {"app.database.ephemeral=true", "DB_POOL_SIZE=20"})
@AutoConfigureObservability(tracing = false) // metrics as in production: /actuator/prometheus answers
public abstract class ServiceTest {

    @LocalServerPort
    private int port;

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
}
