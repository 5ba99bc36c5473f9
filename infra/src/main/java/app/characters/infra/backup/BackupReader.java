package app.characters.infra.backup;

import app.characters.infra.eventstore.StoredEvent;
import app.characters.infra.eventstore.StoredEvents;
import app.characters.infra.progress.Progress;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads backup files back: the manifest alone (quick), or the whole file in one streaming pass that
 * checks every byte against the file's checksum, every line, the order of the global indexes and
 * the manifest's counts and SHA-256, handing each event on as it goes.
 */
public final class BackupReader {

    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    private BackupReader() {
    }

    /**
     * The manifest, read through the zip's directory, once the file is seen to end with its checksum.
     * It says what the file claims; {@link #verify} checks it.
     */
    public static Manifest manifest(Path file) {
        requireFile(file);
        trailerChecksum(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(BackupFormat.MANIFEST_ENTRY);
            if (entry == null) {
                throw new BackupException(file + " is not a backup of this service: it has no "
                        + BackupFormat.MANIFEST_ENTRY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return parseManifest(file, in.readNBytes(MAX_MANIFEST_BYTES + 1));
            }
        } catch (ZipException e) {
            throw new BackupException(file + " is not a readable backup: " + e.getMessage()
                    + " (truncated, damaged or not a zip archive)", e);
        } catch (IOException e) {
            throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Checks the whole file; answers its manifest or says what is wrong. */
    public static Manifest verify(Path file, Progress.Bar bar) {
        return read(file, null, bar);
    }

    /**
     * Reads the whole file, handing each event to {@code sink} (which may be null) once its line is
     * checked. A sink answering false stops the reading early; the answer is then null. Failures of the
     * sink itself pass through unchanged.
     */
    public static Manifest read(Path file, StoredEvents.Sink sink, Progress.Bar bar) {
        requireFile(file);
        String expected = trailerChecksum(file);
        BackupFormat.TrailerDigest digest = new BackupFormat.TrailerDigest();
        try (Digesting raw = new Digesting(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest)) {
            Manifest manifest = null;
            Exception problem = null;
            try {
                manifest = readEntries(raw, sink, bar);
            } catch (SinkFailure failure) {
                throw failure.getCause() instanceof RuntimeException runtime ? runtime
                        : new BackupException(failure.getCause().getMessage(), failure.getCause());
            } catch (IOException | IllegalArgumentException e) {
                problem = e;
            }
            raw.transferTo(OutputStream.nullOutputStream());
            if (!digest.checksum().equals(expected)) {
                throw new BackupException(file + " was changed or damaged after it was written: its checksum does not match");
            }
            if (problem != null) {
                // the bytes are as written, so a manifest of another format or version explains the problem best
                manifest(file);
                throw new BackupException(file + " is not a valid backup: " + problem.getMessage(), problem);
            }
            return manifest;
        } catch (IOException e) {
            throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Manifest readEntries(Digesting raw, StoredEvents.Sink sink, Progress.Bar bar) throws IOException {
        ZipInputStream zip = new ZipInputStream(raw);
        ZipEntry first = zip.getNextEntry();
        if (first == null || !BackupFormat.EVENTS_ENTRY.equals(first.getName())) {
            throw new IllegalArgumentException("its first entry is " + (first == null ? "missing" : first.getName())
                    + ", expected " + BackupFormat.EVENTS_ENTRY);
        }
        MessageDigest eventsDigest = BackupFormat.sha256();
        Lines lines = new Lines(new DigestInputStream(zip, eventsDigest));
        long count = 0;
        long firstIndex = 0;
        long previous = Long.MIN_VALUE;
        while (lines.next()) {
            StoredEvent event;
            try {
                event = EventLines.read(lines.line, lines.length);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (count + 1) + " of " + BackupFormat.EVENTS_ENTRY + ": "
                        + e.getMessage());
            }
            if (event.globalIndex() <= previous) {
                throw new IllegalArgumentException("line " + (count + 1) + " of " + BackupFormat.EVENTS_ENTRY
                        + ": global index " + event.globalIndex() + " does not follow " + previous);
            }
            if (count++ == 0) {
                firstIndex = event.globalIndex();
            }
            previous = event.globalIndex();
            if (sink != null) {
                boolean more;
                try {
                    more = sink.accept(event);
                } catch (Exception e) {
                    throw new SinkFailure(e);
                }
                if (!more) {
                    return null;
                }
            }
            if (bar != null) {
                bar.stepBy(1);
            }
        }
        ZipEntry second = zip.getNextEntry();
        if (second == null || !BackupFormat.MANIFEST_ENTRY.equals(second.getName())) {
            throw new IllegalArgumentException("its second entry is " + (second == null ? "missing" : second.getName())
                    + ", expected " + BackupFormat.MANIFEST_ENTRY);
        }
        Manifest manifest = parseManifestEntry(zip.readNBytes(MAX_MANIFEST_BYTES + 1));
        if (zip.getNextEntry() != null) {
            throw new IllegalArgumentException("it holds more entries than " + BackupFormat.EVENTS_ENTRY + " and "
                    + BackupFormat.MANIFEST_ENTRY);
        }
        String sha = BackupFormat.hex(eventsDigest.digest());
        if (!sha.equals(manifest.eventsSha256())) {
            throw new IllegalArgumentException("the SHA-256 of " + BackupFormat.EVENTS_ENTRY + " is " + sha
                    + ", the manifest says " + manifest.eventsSha256());
        }
        if (lines.bytes != manifest.eventsBytes() || count != manifest.eventCount()) {
            throw new IllegalArgumentException("the manifest counts " + manifest.eventCount() + " events in "
                    + manifest.eventsBytes() + " bytes, the file holds " + count + " in " + lines.bytes);
        }
        Long firstGlobal = count == 0 ? null : firstIndex;
        Long lastGlobal = count == 0 ? null : previous;
        if (!Objects.equals(firstGlobal, manifest.firstGlobalIndex()) || !Objects.equals(lastGlobal, manifest.lastGlobalIndex())) {
            throw new IllegalArgumentException("the manifest's first and last global index do not match the events");
        }
        if (count > 0 && (firstIndex <= manifest.afterGlobalIndex() || previous > manifest.throughGlobalIndex())) {
            throw new IllegalArgumentException("its events lie outside the range its manifest covers");
        }
        return manifest;
    }

    private static String trailerChecksum(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] magic = new byte[4];
            if (in.length() < 4 || in.read(magic) != 4 || !Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
                throw new BackupException(file + " is not a backup of this service: it is not a zip archive");
            }
            if (in.length() < BackupFormat.TRAILER_LENGTH + 22) {
                throw incomplete(file);
            }
            byte[] tail = new byte[BackupFormat.TRAILER_LENGTH];
            in.seek(in.length() - tail.length);
            in.readFully(tail);
            String trailer = new String(tail, StandardCharsets.ISO_8859_1);
            String hex = trailer.substring(BackupFormat.TRAILER_PREFIX.length());
            if (!trailer.startsWith(BackupFormat.TRAILER_PREFIX) || !BackupFormat.isChecksum(hex)) {
                throw incomplete(file);
            }
            return hex;
        } catch (IOException e) {
            throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static BackupException incomplete(Path file) {
        return new BackupException(file + " is not a complete backup: it does not end with its checksum "
                + "(truncated, or not written by this service)");
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + " does not exist or is not a file");
        }
    }

    private static Manifest parseManifest(Path file, byte[] bytes) {
        try {
            return parseManifestEntry(bytes);
        } catch (IllegalArgumentException e) {
            throw new BackupException(file + " is not a backup of this service: " + e.getMessage());
        }
    }

    private static Manifest parseManifestEntry(byte[] bytes) {
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("its manifest is larger than any this service writes");
        }
        Manifest m;
        try {
            m = BackupFormat.MANIFEST_JSON.readValue(bytes, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("its manifest is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("its manifest cannot be read (" + e.getMessage() + ")");
        }
        if (m == null || !Manifest.FORMAT.equals(m.format())) {
            throw new IllegalArgumentException("its manifest names the format " + (m == null ? null : m.format())
                    + ", expected " + Manifest.FORMAT);
        }
        if (m.formatVersion() != Manifest.FORMAT_VERSION) {
            throw new IllegalArgumentException("it is in backup format version " + m.formatVersion()
                    + ", this version of the service reads version " + Manifest.FORMAT_VERSION);
        }
        boolean full = m.kind() == Manifest.Kind.FULL;
        if (m.id() == null || m.kind() == null || m.createdAt() == null || m.eventsSha256() == null
                || !BackupFormat.isChecksum(m.eventsSha256()) || !BackupFormat.EVENTS_ENTRY.equals(m.eventsEntry())
                || full != (m.follows() == null) || (full && m.afterGlobalIndex() != 0)
                || (!full && m.follows().throughGlobalIndex() != m.afterGlobalIndex())
                || m.eventCount() < 0 || m.throughGlobalIndex() < m.afterGlobalIndex()
                || (m.eventCount() == 0) != (m.firstGlobalIndex() == null)
                || (m.eventCount() == 0) != (m.lastGlobalIndex() == null)) {
            throw new IllegalArgumentException("its manifest is incomplete or contradicts itself");
        }
        return m;
    }

    /** The lines of the events entry, as bytes; every line ends with a newline. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int position;
        private int limit;
        byte[] line = new byte[8_192];
        int length;
        long bytes;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(chunk);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (length > 0) {
                            throw new IllegalArgumentException("the last line of " + BackupFormat.EVENTS_ENTRY
                                    + " does not end");
                        }
                        return false;
                    }
                    bytes += limit;
                }
                int end = position;
                while (end < limit && chunk[end] != '\n') {
                    end++;
                }
                append(position, end - position);
                if (end < limit) {
                    position = end + 1;
                    return true;
                }
                position = limit;
            }
        }

        private void append(int from, int count) {
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(chunk, from, line, length, count);
            length += count;
        }
    }

    /** Feeds every byte read to the file's checksum. */
    private static final class Digesting extends FilterInputStream {
        private final BackupFormat.TrailerDigest digest;

        Digesting(InputStream in, BackupFormat.TrailerDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = in.read(bytes, offset, length);
            if (n > 0) {
                digest.update(bytes, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8_192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** A failure of the code events are handed to, kept apart from failures of the file. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(Exception cause) {
            super(cause);
        }
    }
}
