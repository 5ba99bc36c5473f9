package app.characters.infra.backup;

import app.characters.infra.eventstore.AppendLock;
import app.characters.infra.eventstore.StoredEvents;
import app.characters.infra.progress.Progress;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes a backup file from the event store while the service keeps taking writes: one consistent
 * snapshot (see {@link AppendLock}), read through a cursor and streamed into the zip, so memory stays
 * flat whatever the number of events. The file appears under its final name only once complete.
 */
public final class BackupWriter {

    private final DataSource dataSource;
    private final Clock clock;

    public BackupWriter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What was written. */
    public record Created(Path file, Manifest manifest, long fileBytes, Duration elapsed) {
    }

    /** A full backup, or with {@code since} the events after that backup. */
    public Created create(Path directory, Path since, Progress progress) {
        Instant started = clock.instant();
        Manifest previous = since == null ? null : BackupReader.manifest(since);
        long after = previous == null ? 0 : previous.throughGlobalIndex();
        try {
            Files.createDirectories(directory);
            try (Connection read = dataSource.getConnection()) {
                read.setAutoCommit(false);
                read.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                read.setReadOnly(true);
                try {
                    // the first query of a REPEATABLE READ transaction fixes its snapshot
                    long through = Math.max(after,
                            AppendLock.whileNoAppendInFlight(dataSource, () -> StoredEvents.highestIndex(read)));
                    return write(directory, read, previous, since, after, through, started, progress);
                } finally {
                    read.rollback();
                }
            }
        } catch (BackupException e) {
            throw e;
        } catch (IOException e) {
            throw new BackupException("the backup could not be written to " + directory + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new BackupException("the backup failed: " + e.getMessage(), e);
        }
    }

    private Created write(Path directory, Connection read, Manifest previous, Path since, long after, long through,
                          Instant started, Progress progress) throws Exception {
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Manifest.Kind kind = previous == null ? Manifest.Kind.FULL : Manifest.Kind.INCREMENTAL;
        Path target = freeName(directory, createdAt, kind);
        Path partial = directory.resolve(target.getFileName() + ".partial");
        BackupFormat.TrailerDigest fileDigest = new BackupFormat.TrailerDigest();
        MessageDigest eventsDigest = BackupFormat.sha256();
        long[] stats = new long[3]; // count, first, last
        try {
            Manifest manifest;
            try (OutputStream file = Files.newOutputStream(partial);
                 ZipOutputStream zip = new ZipOutputStream(new Digesting(new BufferedOutputStream(file, 1 << 16), fileDigest))) {
                zip.setLevel(Deflater.BEST_SPEED);
                zip.setComment(BackupFormat.PLACEHOLDER);
                zip.putNextEntry(new ZipEntry(BackupFormat.EVENTS_ENTRY));
                Counting counting = new Counting(zip);
                try (Progress.Bar bar = progress.start("backup", through - after);
                     OutputStream events = new HandOffOutputStream(new DigestOutputStream(counting, eventsDigest),
                             1 << 16, "backup-compress")) {
                    StoredEvents.copy(read, after, through, event -> {
                        EventLines.write(event, events);
                        if (stats[0]++ == 0) {
                            stats[1] = event.globalIndex();
                        }
                        stats[2] = event.globalIndex();
                        bar.stepBy(1);
                        return true;
                    });
                }
                zip.closeEntry();
                manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, UUID.randomUUID(),
                        ApplicationVersion.get(), createdAt, kind,
                        previous == null ? null : new Manifest.Follows(previous.id(), since.getFileName().toString(),
                                previous.throughGlobalIndex()),
                        after, through, stats[0], stats[0] == 0 ? null : stats[1], stats[0] == 0 ? null : stats[2],
                        BackupFormat.EVENTS_ENTRY, BackupFormat.hex(eventsDigest.digest()), counting.count);
                zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST_ENTRY));
                zip.write(BackupFormat.MANIFEST_JSON.writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            sealed(partial, fileDigest.checksum());
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
            return new Created(target, manifest, Files.size(target), Duration.between(started, clock.instant()));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Writes the checksum over the placeholder at the very end of the file and forces it to disk. */
    private static void sealed(Path partial, String checksum) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw")) {
            file.seek(file.length() - BackupFormat.HEX_LENGTH);
            file.write(BackupFormat.ascii(checksum));
            file.getFD().sync();
        }
    }

    private static Path freeName(Path directory, Instant createdAt, Manifest.Kind kind) {
        for (int attempt = 1; ; attempt++) {
            Path candidate = directory.resolve(BackupFormat.fileName(createdAt, kind, attempt));
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** Feeds everything written to the file's checksum. */
    private static final class Digesting extends FilterOutputStream {
        private final BackupFormat.TrailerDigest digest;

        Digesting(OutputStream out, BackupFormat.TrailerDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            digest.update(bytes, offset, length);
            out.write(bytes, offset, length);
        }
    }

    /** Counts the bytes of the events entry. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
