package app.characters.infra.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.characters.infra.CharacterService;
import app.characters.infra.axon.Actors;
import app.characters.infra.cli.Cli;
import app.characters.infra.eventstore.AppendLock;
import app.characters.infra.metrics.BackupMetrics;
import app.characters.infra.progress.Progress;
import app.characters.infra.projection.ProjectionRebuild;
import app.characters.infra.seed.Seeder;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.Dumps;
import app.characters.infra.support.ServiceTest;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterSheet;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.assertj.core.data.Percentage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backups of the running service restored into a second, empty PostgreSQL: the events and every
 * read table come back row for row. The second database runs the service's beans as a command of
 * the command line does (no web server, no start-up bootstrap), so it starts empty.
 */
/*
 * These tests compare whole databases, so they get a service and database of their own: events that
 * other test classes write behind the projections' backs (old event shapes, gaps) stay out of them.
 */
@org.springframework.test.context.TestPropertySource(properties = "app.test.isolated=backup")
class BackupAndRestoreTest extends ServiceTest {

    private static ConfigurableApplicationContext second;
    private static JdbcTemplate target;
    private static boolean seeded;

    @Autowired
    private DataSource dataSource;
    @Autowired
    private Seeder seeder;
    @Autowired
    private ProjectionRebuild projections;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private Restore restoreIntoTheService;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTheSecondDatabase() {
        second = CharacterService.startForCommand("--app.database.ephemeral=true", "--DB_POOL_SIZE=6");
        target = second.getBean(JdbcTemplate.class);
        // as a command of the command line sees it: no web server, and no start-up bootstrap wrote anything
        assertThat(second).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(Dumps.counts(target).values()).containsOnly(0);
    }

    @AfterAll
    static void stopTheSecondDatabase() {
        second.close();
    }

    @BeforeEach
    void seedTheServiceOnce() {
        if (!seeded) {
            Seeder.Seeded result = seeder.seed(5, 3, 7, Progress.SILENT);
            assertThat(result.inserted()).isGreaterThan(300);
            seeded = true;
        }
        emptySecond();
    }

    @Test
    void aBackupRestoresIntoAnEmptyDatabaseWithEveryEventAndRowAsTheyWere() {
        liveActivity();
        BackupWriter.Created full = backUp(null);

        Restore.Restored restored = second.getBean(Restore.class).restore(List.of(full.file()), null, Progress.SILENT);

        assertThat(restored.events()).isEqualTo(full.manifest().eventCount()).isEqualTo(eventCount());
        assertThat(Dumps.all(target)).isEqualTo(Dumps.all(jdbc));
        assertThat(target.queryForObject("select last_value from domain_event_entry_global_index_seq", Long.class))
                .isEqualTo(full.manifest().lastGlobalIndex());
        // the import and the rebuild drop the indexes of the tables they load, and build the same ones again
        String indexes = "select tablename || ' ' || indexname || ': ' || indexdef from pg_indexes"
                + " where tablename in ('domain_event_entry', 'character_version') order by 1";
        assertThat(target.queryForList(indexes, String.class)).hasSize(5).isEqualTo(jdbc.queryForList(indexes, String.class));
        String constraints = "select conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid) from pg_constraint"
                + " where conrelid in ('domain_event_entry'::regclass, 'character_version'::regclass) order by 1";
        assertThat(target.queryForList(constraints, String.class)).isEqualTo(jdbc.queryForList(constraints, String.class));
    }

    @Test
    void aFullBackupAndItsIncrementsRestoreTheSameInWhateverOrderTheyAreNamed() {
        BackupWriter.Created full = backUp(null);
        liveActivity();
        BackupWriter.Created first = backUp(full.file());
        BackupWriter.Created empty = backUp(first.file());
        liveActivity();
        BackupWriter.Created second = backUp(empty.file());

        assertThat(first.manifest().afterGlobalIndex()).isEqualTo(full.manifest().throughGlobalIndex());
        assertThat(first.manifest().eventCount()).isPositive();
        assertThat(empty.manifest().eventCount()).isZero();
        restore(List.of(second.file(), full.file(), empty.file(), first.file()), null);

        assertThat(Dumps.all(target)).isEqualTo(Dumps.all(jdbc));
        assertThatThrownBy(() -> Restore.chain(List.of(full.file(), second.file())))
                .hasMessageContaining("does not continue the chain");
        assertThatThrownBy(() -> Restore.chain(List.of(first.file())))
                .hasMessageContaining("no full backup");
    }

    @Test
    void untilStopsBeforeTheFirstEventStampedAfterThatTime() {
        BackupWriter.Created full = backUp(null);
        List<Map<String, Object>> events = jdbc.queryForList(
                "select global_index, time_stamp from domain_event_entry order by global_index");
        Instant until = DateTimeUtils.parseInstant((String) events.get(events.size() / 2).get("time_stamp"));
        long kept = 0;
        while (kept < events.size()
                && !DateTimeUtils.parseInstant((String) events.get((int) kept).get("time_stamp")).isAfter(until)) {
            kept++;
        }

        restore(List.of(full.file()), until);

        assertThat(target.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(kept);
        assertThat(Dumps.of(target, List.of("domain_event_entry")).get("domain_event_entry"))
                .isEqualTo(Dumps.of(jdbc, List.of("domain_event_entry")).get("domain_event_entry").subList(0, (int) kept));
        assertThat(target.queryForObject("select count(*) from character_version", Long.class)).isEqualTo(
                target.queryForObject("select count(*) from domain_event_entry where type = 'CharacterAggregate'", Long.class));
        assertThat(target.queryForObject("select count(*) from account_claim", Long.class)).isEqualTo(
                2 * target.queryForObject("select count(*) from user_account", Long.class));
    }

    @Test
    void untilCountsTheLaterEventsStampedBeforeItThatItLeftOut() {
        liveActivity();
        Instant until = DateTimeUtils.parseInstant(jdbc.queryForObject(
                "select time_stamp from domain_event_entry order by global_index desc limit 1", String.class));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Instant.now().isAfter(until.plusMillis(1))) {
            assertThat(System.nanoTime()).as("the clock passing the cut").isLessThan(deadline);
            Thread.onSpinWait();
        }
        liveActivity();
        // seed stamps the history it makes up in the past: written after the cut, stamped before it
        Seeder.Seeded pastHistory = seeder.seed(1, 2, 99, Progress.SILENT);
        assertThat(pastHistory.inserted()).isPositive();
        BackupWriter.Created full = backUp(null);

        Restore.Restored restored = second.getBean(Restore.class).restore(List.of(full.file()), until, Progress.SILENT);

        assertThat(restored.stampedEarlierLeftOut()).isEqualTo(pastHistory.inserted());
        assertThat(restored.lastGlobalIndex()).isLessThan(full.manifest().throughGlobalIndex());
    }

    @Test
    void aChangedByteATruncatedFileAndAForeignFileAreRefusedBeforeAnythingIsWritten() throws IOException {
        BackupWriter.Created full = backUp(null);
        long size = Files.size(full.file());
        Map<String, Integer> empty = Dumps.counts(target);
        for (long position : new long[] {40, size / 3, size / 2, size - 200, size - 100, size - 30, size - 2}) {
            Path damaged = copy(full.file(), "flipped-" + position + ".zip");
            byte[] bytes = Files.readAllBytes(damaged);
            bytes[(int) position] ^= 0x01;
            Files.write(damaged, bytes);
            assertRefused(damaged, "");
        }
        Path truncated = copy(full.file(), "truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(full.file()), (int) size / 2));
        assertRefused(truncated, "is not a complete backup");
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "not a backup at all\n");
        assertRefused(text, "not a zip archive");
        Path otherZip = dir.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new ZipEntry("events.ndjson"));
            zip.write("{}\n".getBytes());
        }
        assertRefused(otherZip, "is not a complete backup");
        Path future = sealed("future.zip", new Manifest(Manifest.FORMAT, 2, UUID.randomUUID(), "9.0", Instant.now(),
                Manifest.Kind.FULL, null, 0, 0, 0, null, null, "events.ndjson", BackupFormat.hex(BackupFormat.sha256().digest()), 0));
        assertRefused(future, "is in backup format version 2, this version of the service reads version 1");

        assertThat(Dumps.counts(target)).isEqualTo(empty);
        assertThat(Cli.run("backup", "verify", full.file().toString())).isZero();
        assertThat(Cli.run("backup", "verify", truncated.toString())).isNotZero();
    }

    @Test
    void aBackupThatHoldsAnEventTwiceIsRefusedAndWritesNothing() throws IOException {
        BackupWriter.Created full = backUp(null);
        Manifest m = full.manifest();
        String events = new String(eventsEntry(full.file()), java.nio.charset.StandardCharsets.UTF_8);
        String first = events.substring(0, events.indexOf('\n') + 1);
        long again = m.lastGlobalIndex() + 1;
        byte[] repeated = (events + first.replaceFirst("^\\{\"global_index\":\\d+,", "{\"global_index\":" + again + ","))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = sealed("repeated.zip", new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, UUID.randomUUID(), "1.0",
                Instant.now(), Manifest.Kind.FULL, null, 0, again, m.eventCount() + 1, m.firstGlobalIndex(), again,
                "events.ndjson", BackupFormat.hex(BackupFormat.sha256().digest(repeated)), repeated.length), repeated);
        assertThat(BackupReader.verify(file, null).eventCount()).isEqualTo(m.eventCount() + 1);
        Map<String, Integer> empty = Dumps.counts(target);

        assertThatThrownBy(() -> restore(List.of(file), null)).isInstanceOf(BackupException.class)
                .hasMessageContaining("holds an event twice");

        assertThat(Dumps.counts(target)).isEqualTo(empty);
    }

    @Test
    void aStoreWithEventsIsRefusedAndLeftAsItWas() {
        BackupWriter.Created full = backUp(null);
        Map<String, List<String>> before = Dumps.all(jdbc);

        assertThatThrownBy(() -> restoreIntoTheService.restore(List.of(full.file()), null, Progress.SILENT))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("the event store is not empty");

        assertThat(Dumps.all(jdbc)).isEqualTo(before);
    }

    @Test
    void theSameSeedGivesTheSameEventsAndSeedingAgainAddsNothing() throws IOException {
        Seeder other = second.getBean(Seeder.class);
        Seeder.Seeded once = other.seed(3, 2, 42, Progress.SILENT);
        Seeder.Seeded twice = other.seed(3, 2, 42, Progress.SILENT);
        Map<String, List<String>> afterTwo = Dumps.all(target);
        BackupWriter.Created first = new BackupWriter(second.getBean(DataSource.class), Clock.systemUTC())
                .create(dir.resolve("a"), null, Progress.SILENT);
        emptySecond();
        other.seed(3, 2, 42, Progress.SILENT);
        BackupWriter.Created again = new BackupWriter(second.getBean(DataSource.class), Clock.systemUTC())
                .create(dir.resolve("b"), null, Progress.SILENT);

        assertThat(once.inserted()).isEqualTo(once.generated()).isGreaterThan(100);
        assertThat(twice.inserted()).isZero();
        assertThat(Dumps.all(target)).isEqualTo(afterTwo);
        assertThat(again.manifest().eventsSha256()).isEqualTo(first.manifest().eventsSha256());
        assertThat(eventsEntry(again.file())).isEqualTo(eventsEntry(first.file()));
    }

    @Test
    void aRebuildWritesTheRowsTheLiveProjectionsWrote() {
        liveActivity();
        Map<String, List<String>> live = Dumps.all(jdbc);

        ProjectionRebuild.Rebuilt rebuilt = projections.rebuild(false, Progress.SILENT);

        assertThat(rebuilt.events()).isEqualTo(eventCount());
        assertThat(Dumps.all(jdbc)).isEqualTo(live);
    }

    @Test
    void backupsTakenWhileCommandsRunMissNoEvent() throws Exception {
        List<UUID[]> characters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            User user = api.signUp();
            characters.add(new UUID[] {api.createCharacter(user, "Writer " + i).id(), user.id()});
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(characters.size());
        List<Future<Integer>> written = new ArrayList<>();
        for (UUID[] character : characters) {
            written.add(writers.submit(() -> {
                int n = 0;
                while (running.get()) {
                    send(new GainExperience(character[0], character[1], null, 10, "busy"), character[1]);
                    n++;
                }
                return n;
            }));
        }
        List<Path> chain = new ArrayList<>();
        try {
            Path last = null;
            for (int i = 0; i < 6; i++) {
                last = backUp(last).file();
                chain.add(last);
                Thread.sleep(150);
            }
        } finally {
            running.set(false);
            writers.shutdown();
        }
        int total = 0;
        for (Future<Integer> f : written) {
            total += f.get();
        }
        chain.add(backUp(chain.get(chain.size() - 1)).file());

        restore(chain, null);

        assertThat(total).isPositive();
        assertThat(Dumps.all(target)).isEqualTo(Dumps.all(jdbc));
    }

    @Test
    void aCommandWaitsWhileABackupFixesItsSnapshotAndGoesOnRightAfter() throws Exception {
        User user = api.signUp();
        UUID id = api.createCharacter(user, "Patient").id();
        CompletableFuture<CharacterSheet> gained = AppendLock.whileNoAppendInFlight(dataSource, () -> {
            CompletableFuture<CharacterSheet> command = CompletableFuture.supplyAsync(
                    () -> send(new GainExperience(id, user.id(), null, 10, "waited"), user.id()));
            Thread.sleep(500);
            assertThat(command).isNotDone();
            return command;
        });

        assertThat(gained.get(30, TimeUnit.SECONDS).version()).isEqualTo(2);
    }

    /** A rebuild refills the claims while it holds the lock: a registration must not hold one of them meanwhile. */
    @Test
    void aRegistrationWaitsForTheAppendLockBeforeItClaimsItsName() throws Exception {
        String name = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        CompletableFuture<User> registered = AppendLock.whileNoAppendInFlight(dataSource, () -> {
            CompletableFuture<User> registration = CompletableFuture.supplyAsync(
                    () -> api.signUp(name, name + "@example.com", "correct horse battery staple"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event = 'advisory'",
                    Long.class) == 0) {
                assertThat(System.nanoTime()).as("a registration waiting for the lock").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(jdbc.queryForObject("""
                    select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                    where c.relname = 'account_claim' and l.mode = 'RowExclusiveLock'""", Long.class))
                    .as("claims written by the waiting registration").isZero();
            assertThat(registration).isNotDone();
            return registration;
        });

        assertThat(registered.get(30, TimeUnit.SECONDS).username()).isEqualTo(name);
    }

    @Test
    void scheduledBackupsKeepTheNewestAndPruningKeepsWhatTheyBuildOn() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ScheduledBackups scheduled = new ScheduledBackups("0 0 3 * * *", dir.toString(), "2", dataSource, Clock.systemUTC(),
                new BackupMetrics(meters));
        for (int i = 0; i < 3; i++) {
            scheduled.backUp();
        }
        BackupDirectory directory = new BackupDirectory(dir);
        assertThat(directory.list()).hasSize(2).allMatch(e -> e.manifest().kind() == Manifest.Kind.FULL);
        assertThat(meters.get("characters.backups.taken").counter().count()).isEqualTo(3);
        assertThat(meters.get("characters.backup.size").summary().count()).isEqualTo(3);
        // the same events each time: sizes that differ only as their compression does
        assertThat(meters.get("characters.backup.size").summary().max())
                .isCloseTo((double) Files.size(directory.list().get(1).file()), Percentage.withPercentage(1));

        Path newest = directory.list().get(1).file();
        Path increment = backUp(newest).file();
        directory.prune(1);

        assertThat(directory.list()).extracting(BackupDirectory.Entry::file).containsExactly(newest, increment);
    }

    private void assertRefused(Path file, String reason) {
        assertThatThrownBy(() -> BackupReader.verify(file, null)).isInstanceOf(BackupException.class)
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> second.getBean(Restore.class).restore(List.of(file), null, Progress.SILENT))
                .isInstanceOf(BackupException.class).hasMessageContaining(reason);
    }

    private CharacterSheet send(Object command, UUID actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(Actors.ACTOR_ID, actor.toString())));
    }

    private BackupWriter.Created backUp(Path since) {
        return new BackupWriter(dataSource, Clock.systemUTC()).create(dir, since, Progress.SILENT);
    }

    private void restore(List<Path> files, Instant until) {
        second.getBean(Restore.class).restore(files, until, Progress.SILENT);
    }

    /** A zip with an empty events entry and the given manifest, sealed with a correct checksum as this service seals its own. */
    private Path sealed(String name, Manifest manifest) throws IOException {
        return sealed(name, manifest, new byte[0]);
    }

    /** A zip with these events and this manifest, sealed as this service seals its own. */
    private Path sealed(String name, Manifest manifest, byte[] events) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setComment(BackupFormat.PLACEHOLDER);
            zip.putNextEntry(new ZipEntry(BackupFormat.EVENTS_ENTRY));
            zip.write(events);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST_ENTRY));
            zip.write(BackupFormat.MANIFEST_JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(file);
        BackupFormat.TrailerDigest digest = new BackupFormat.TrailerDigest();
        digest.update(bytes, 0, bytes.length);
        byte[] checksum = BackupFormat.ascii(digest.checksum());
        System.arraycopy(checksum, 0, bytes, bytes.length - checksum.length, checksum.length);
        return Files.write(file, bytes);
    }

    private Path copy(Path file, String name) throws IOException {
        return Files.copy(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] eventsEntry(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("events.ndjson"))) {
            return in.readAllBytes();
        }
    }

    private static void emptySecond() {
        target.execute("truncate domain_event_entry, snapshot_event_entry, token_entry, account_claim, user_session, "
                + String.join(", ", Dumps.READ_TABLES) + " restart identity");
    }

    /** What players do through the API: every kind of change, a template, a revert, a retirement. */
    private void liveActivity() {
        User user = api.signUp();
        UUID id = api.createCharacter(user, "Live One").id();
        String base = "/api/v1/characters/" + id;
        ok(api.post(base + "/experience", user.token(), Api.map("amount", 3000, "reason", "Cleared the mine")));
        // the characters COPY escapes in its text format: a rebuild must give them back as they were
        ok(api.post(base + "/experience", user.token(), Api.map("amount", 1, "reason", "tab\there, new\nline, back\\slash")));
        JsonNode withItem = ok(api.post(base + "/equipment", user.token(), Api.map("name", "Axe of Ages", "type", "WEAPON",
                "rarity", "RARE", "weight", 4.5, "statModifiers", Map.of("strength", 2)))).body();
        String itemId = withItem.path("equipment").get(0).path("id").asText();
        ok(api.put(base + "/equipment/" + itemId + "/equipped", user.token(), null));
        ok(api.post(base + "/skills", user.token(), Api.map("skillId", "swordplay")));
        ok(api.put(base + "/skills/swordplay", user.token(), Api.map("proficiency", "APPRENTICE")));
        ok(api.put(base + "/visibility", user.token(), Api.map("visibility", "PUBLIC")));
        ok(api.put(base + "/name", user.token(), Api.map("name", "Live One the Second")));
        UUID template = ok(api.post(base + "/template", user.token(), Api.map("name", "Miner", "visibility", "PUBLIC"))).id();
        Answer fromTemplate = ok(api.post("/api/v1/characters", user.token(), Api.map("name", "Copy", "templateId", template)));
        ok(api.post(base + "/revert", user.token(), Api.map("version", 3)));
        assertThat(api.delete("/api/v1/characters/" + fromTemplate.id(), user.token()).status()).isEqualTo(204);
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 299);
        return answer;
    }
}
