package app.characters.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.database.DatabaseSettings;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.Dumps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the service as its own process on PostgreSQL, kills it with SIGKILL in the middle of a write
 * load and starts it again: every change that was answered 2xx must be there, and the read tables
 * must agree with the events.
 */
class CrashSafetyIT {

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedChangeSurvivesASigkill() throws Exception {
        try (DatabaseConnection postgres = DatabaseConnection.open(DatabaseSettings.from(Map.<String, String>of()::get), null)) {
            Map<String, String> env = Map.of("DATABASE_URL", postgres.settings().jdbcUrl(), "DATA_DIR", work.toString());
            Path log = Files.createFile(work.resolve("service.log"));
            Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
            User user;
            List<UUID> characters = new ArrayList<>();
            AtomicLong answered = new AtomicLong();
            try (ServiceProcess service = ServiceProcess.start(env, log)) {
                Api api = new Api(service.baseUrl());
                user = api.signUp();
                for (int i = 0; i < 20; i++) {
                    characters.add(api.createCharacter(user, "Survivor " + i).id());
                }
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(16);
                for (int c = 0; c < 16; c++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            UUID id = characters.get(ThreadLocalRandom.current().nextInt(characters.size()));
                            try {
                                Answer answer = api.post("/api/v1/characters/" + id + "/experience", user.token(),
                                        Api.map("amount", 1, "reason", "before the crash"));
                                if (answer.status() == 200) {
                                    acknowledged.merge(id, answer.body().path("version").asLong(), Math::max);
                                    answered.incrementAndGet();
                                }
                            } catch (RuntimeException connectionLost) {
                                // the process is gone: what was not answered was not promised
                            }
                        }
                    });
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (answered.get() < 300 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                service.kill();
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(answered.get()).as("changes acknowledged before the kill").isGreaterThanOrEqualTo(300);

            try (ServiceProcess restarted = ServiceProcess.start(env, log)) {
                Api api = new Api(restarted.baseUrl());
                for (UUID id : characters) {
                    Answer character = api.get("/api/v1/characters/" + id, user.token());
                    assertThat(character.status()).isEqualTo(200);
                    long version = character.body().path("version").asLong();
                    assertThat(version).as("version of %s", id).isGreaterThanOrEqualTo(acknowledged.getOrDefault(id, 1L));
                    assertThat(character.body().path("experience").asLong()).isEqualTo(version - 1);
                }
            }
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            assertThat(jdbc.queryForList("""
                    select c.id from character_summary c
                    where c.version <> (select count(*) from domain_event_entry e where e.aggregate_identifier = c.id::text)
                       or c.version <> (select count(*) from character_version v where v.character_id = c.id)
                       or c.version <> (select max(v.version) from character_version v where v.character_id = c.id)""",
                    UUID.class)).as("characters whose read rows disagree with their events").isEmpty();

            Map<String, List<String>> live = Dumps.all(jdbc);
            ProcessBuilder rebuilding = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("service.jar", "target/character-service.jar"), "projections", "rebuild"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            rebuilding.environment().putAll(env);
            Process rebuild = rebuilding.start();
            assertThat(rebuild.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(rebuild.exitValue()).isZero();
            assertThat(Dumps.all(jdbc)).as("read tables after the crash, against a rebuild from the events")
                    .isEqualTo(live);
        }
    }
}
