package app.characters.infra.cli;

import app.characters.infra.backup.BackupDirectory;
import app.characters.infra.backup.BackupException;
import app.characters.infra.backup.BackupReader;
import app.characters.infra.backup.BackupWriter;
import app.characters.infra.backup.Manifest;
import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.progress.ConsoleProgress;
import app.characters.infra.progress.Progress;
import app.characters.infra.progress.Rates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup create | list | verify | prune}: files of the events, written while the service runs. */
@Command(name = "backup", description = "Backups of the event store: create, list, verify, prune.",
        subcommands = {BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Verify.class,
                BackupCommand.Prune.class})
class BackupCommand {

    static BackupDirectory directory(Path dir) {
        return new BackupDirectory(dir != null ? dir : BackupDirectory.configured(System.getenv("BACKUP_DIR")));
    }

    @Command(name = "create", description = "Writes the events (or, with --since, those after that backup) to a "
            + "compressed file with a manifest and checksums.")
    static class Create implements Callable<Integer> {
        @Option(names = "--dir", description = "where to write (default: BACKUP_DIR, else ./data/backups)")
        Path dir;

        @Option(names = "--since", paramLabel = "BACKUP", description = "an earlier backup: write only the events after it")
        String since;

        @Override
        public Integer call() {
            BackupDirectory directory = directory(dir);
            Path previous = since == null ? null : directory.resolve(since);
            try (DatabaseConnection connection = Cli.Db.connect()) {
                BackupWriter.Created created = new BackupWriter(connection.dataSource(), Clock.systemUTC())
                        .create(directory.path(), previous, new ConsoleProgress("events"));
                Manifest m = created.manifest();
                System.out.printf("backup %s: %s, %s, %s, %s%n", created.file(), describe(m), range(m),
                        megabytes(created.fileBytes()), Rates.of(m.eventCount(), "events", created.elapsed()));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the backups of the directory, oldest first.")
    static class ListBackups implements Callable<Integer> {
        @Option(names = "--dir", description = "the directory (default: BACKUP_DIR, else ./data/backups)")
        Path dir;

        @Override
        public Integer call() {
            BackupDirectory directory = directory(dir);
            List<BackupDirectory.Entry> entries = directory.list();
            if (entries.isEmpty()) {
                System.out.println("no backups in " + directory.path());
                return 0;
            }
            System.out.printf("%-48s %-12s %-24s %12s %-24s %10s%n", "file", "kind", "created", "events",
                    "global index", "size");
            for (BackupDirectory.Entry entry : entries) {
                Manifest m = entry.manifest();
                if (m == null) {
                    System.out.printf("%-48s unreadable: %s%n", entry.file().getFileName(), entry.problem());
                    continue;
                }
                System.out.printf("%-48s %-12s %-24s %,12d %-24s %10s%n", entry.file().getFileName(),
                        m.kind().name().toLowerCase(), m.createdAt(), m.eventCount(),
                        m.eventCount() == 0 ? "-" : m.firstGlobalIndex() + ".." + m.lastGlobalIndex(),
                        megabytes(entry.bytes()));
            }
            return 0;
        }
    }

    @Command(name = "verify", description = "Reads a backup through and checks every byte, line and count; "
            + "exits non-zero if any file fails.")
    static class Verify implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<String> files;

        @Option(names = "--dir", description = "where to look for a file named without a path")
        Path dir;

        @Override
        public Integer call() {
            BackupDirectory directory = directory(dir);
            int failed = 0;
            for (String name : files) {
                Path file = directory.resolve(name);
                Instant started = Instant.now();
                try {
                    Manifest m;
                    try (Progress.Bar bar = new ConsoleProgress("events").start("verify", BackupReader.manifest(file).eventCount())) {
                        m = BackupReader.verify(file, bar);
                    }
                    System.out.printf("verified %s: %s, %s, created %s, %s%n", file, describe(m), range(m),
                            m.createdAt(), Rates.of(m.eventCount(), "events", Duration.between(started, Instant.now())));
                } catch (BackupException e) {
                    System.err.println("FAILED " + e.getMessage());
                    failed++;
                }
            }
            return failed == 0 ? 0 : 2;
        }
    }

    @Command(name = "prune", description = "Keeps the newest N backups (and the backups they build on), deletes the others.")
    static class Prune implements Callable<Integer> {
        @Option(names = "--keep", required = true, paramLabel = "N")
        int keep;

        @Option(names = "--dir", description = "the directory (default: BACKUP_DIR, else ./data/backups)")
        Path dir;

        @Override
        public Integer call() {
            BackupDirectory directory = directory(dir);
            List<Path> deleted = directory.prune(keep);
            deleted.forEach(file -> System.out.println("deleted " + file));
            System.out.printf("pruned %s: %d deleted, %d kept%n", directory.path(), deleted.size(),
                    directory.list().size());
            return 0;
        }
    }

    static String describe(Manifest m) {
        return (m.kind() == Manifest.Kind.FULL ? "full backup" : "incremental backup after " + m.follows().file())
                + String.format(", %,d events", m.eventCount());
    }

    static String range(Manifest m) {
        return m.eventCount() == 0 ? "no events after global index " + m.afterGlobalIndex()
                : "global index " + m.firstGlobalIndex() + ".." + m.lastGlobalIndex();
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }
}
