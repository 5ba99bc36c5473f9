package app.characters.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small backup kept in the test resources holds events in an older shape: an ExperienceGained of
 * revision 1, whose running total was called {@code total} before revision 2 renamed it. It must still
 * restore, and the restored service must replay it (through the upcaster) into the right character.
 */
class OldBackupRestoreIT {

    private static final String CHARACTER = "062ac717-61b5-47f8-9eed-2a64db657dac";

    @TempDir
    Path work;

    @Test
    void aBackupWithRevisionOneEventsRestoresAndReplays() throws Exception {
        Path backup = Path.of("src/test/resources/backups/revision-1-experience.zip").toAbsolutePath();
        Path data = work.resolve("data");
        Path log = Files.createFile(work.resolve("service.log"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder restore = new ProcessBuilder(List.of(java, "-jar",
                System.getProperty("service.jar", "target/character-service.jar"), "restore", backup.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        restore.environment().put("DATA_DIR", data.toString());
        Process restoring = restore.start();
        assertThat(restoring.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(restoring.exitValue()).as("restore exit code; log: %s", Files.readString(log)).isZero();

        try (ServiceProcess service = ServiceProcess.start(Map.of("DATA_DIR", data.toString()), log)) {
            Api api = new Api(service.baseUrl());
            Answer session = api.post("/api/v1/sessions", null,
                    Api.map("login", "veteran", "password", "an old password 2025"));
            assertThat(session.status()).isEqualTo(201);
            String token = session.text("token");

            Answer character = api.get("/api/v1/characters/" + CHARACTER, token);
            assertThat(character.status()).isEqualTo(200);
            assertThat(character.body().path("version").asLong()).isEqualTo(2);
            assertThat(character.body().path("experience").asLong()).isEqualTo(1200);
            assertThat(character.body().path("level").asInt()).isEqualTo(3);

            Answer changed = api.post("/api/v1/characters/" + CHARACTER + "/experience", token,
                    Api.map("amount", 100, "reason", "a quest of revision two"));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body().path("experience").asLong()).isEqualTo(1300);
            assertThat(changed.body().path("version").asLong()).isEqualTo(3);
        }
    }
}
