package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no database configured, the service keeps its data in an embedded PostgreSQL under DATA_DIR. */
class EmbeddedRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return CharacterService.start("--server.port=0", "--DATA_DIR=" + dataDir);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void keptDataIsWrittenDurably() {
        try (ConfigurableApplicationContext context = start()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            // the embedded library's test defaults turn both off; an acknowledged change must not wait in memory
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show wal_level", String.class)).isEqualTo("minimal");
        }
    }

    @Test
    void charactersSurviveARestartOnTheSameDataDirectory() {
        User user;
        UUID id;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            user = api.signUp();
            id = api.createCharacter(user, "Survivor").id();
            Answer renamed = api.put("/api/v1/characters/" + id + "/name", user.token(), Api.map("name", "Survivor II"));
            assertThat(renamed.status()).isEqualTo(200);
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Answer session = api.post("/api/v1/sessions", null,
                    Api.map("login", user.username(), "password", Api.PASSWORD));
            assertThat(session.status()).isEqualTo(201);
            String token = session.text("token");

            Answer read = api.get("/api/v1/characters/" + id, token);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("name")).isEqualTo("Survivor II");
            assertThat(read.version()).isEqualTo(2);
            assertThat(read.header("ETag")).isEqualTo("\"2\"");
            assertThat(api.get("/api/v1/characters/" + id + "/versions", token).body().path("total").asLong())
                    .isEqualTo(2);
            assertThat(api.put("/api/v1/characters/" + id + "/name", token, Api.map("name", "Survivor III"),
                    "If-Match", "\"2\"").version()).isEqualTo(3);
        }
    }
}
