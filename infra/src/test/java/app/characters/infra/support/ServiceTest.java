package app.characters.infra.support;

import app.characters.infra.CharacterService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole service over HTTP on a real, throw-away embedded PostgreSQL. Every test class that
 * extends this shares one running service, so tests make their own users and characters.
 */
@SpringBootTest(classes = CharacterService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.database.ephemeral=true", "DB_POOL_SIZE=20", "ADMIN_USERNAME=" + ServiceTest.ADMIN_USERNAME,
                "ADMIN_EMAIL=" + ServiceTest.ADMIN_EMAIL, "ADMIN_PASSWORD=" + ServiceTest.ADMIN_PASSWORD})
public abstract class ServiceTest {

    /** The one admin the service creates at start from its ADMIN_* settings. */
    protected static final String ADMIN_USERNAME = "catalogue_admin";
    protected static final String ADMIN_EMAIL = "catalogue.admin@example.com";
    protected static final String ADMIN_PASSWORD = "an admin password, long enough";

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

    protected Api.User admin() {
        return api.signIn(ADMIN_USERNAME, ADMIN_PASSWORD);
    }
}
