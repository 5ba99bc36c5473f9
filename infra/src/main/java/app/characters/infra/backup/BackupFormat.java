package app.characters.infra.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The layout of a backup file: a zip holding {@code events.ndjson} then {@code manifest.json}, whose
 * zip comment, the last bytes of the file, is {@code sha256:} and the SHA-256 of every byte before
 * those 64 hex digits. The manifest guards the events; the trailer guards every byte of the file,
 * the zip's own directory included, which a zip reader alone would not check.
 */
final class BackupFormat {

    static final String EVENTS_ENTRY = "events.ndjson";
    static final String MANIFEST_ENTRY = "manifest.json";
    static final String TRAILER_PREFIX = "sha256:";
    static final int HEX_LENGTH = 64;
    static final int TRAILER_LENGTH = TRAILER_PREFIX.length() + HEX_LENGTH;
    static final String PLACEHOLDER = TRAILER_PREFIX + "0".repeat(HEX_LENGTH);
    static final String EXTENSION = ".zip";
    static final Pattern FILE_NAME = Pattern.compile("characters-\\d{8}-\\d{6}-\\d{3}(-\\d+)?-(full|incremental)\\.zip");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    static final ObjectMapper MANIFEST_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private BackupFormat() {
    }

    static String fileName(Instant createdAt, Manifest.Kind kind, int attempt) {
        return "characters-" + STAMP.format(createdAt) + (attempt > 1 ? "-" + attempt : "") + "-"
                + (kind == Manifest.Kind.FULL ? "full" : "incremental") + EXTENSION;
    }

    static boolean isChecksum(String hex) {
        return HEX.matcher(hex).matches();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * SHA-256 of everything fed to it but the last 64 bytes, which it keeps apart: the trailer's hex
     * digits. Fed a whole file it gives the checksum that the trailer should hold.
     */
    static final class TrailerDigest {
        private final MessageDigest digest = sha256();
        private final byte[] tail = new byte[HEX_LENGTH];
        private int tailLength;

        void update(byte[] bytes, int offset, int length) {
            if (length >= HEX_LENGTH) {
                digest.update(tail, 0, tailLength);
                digest.update(bytes, offset, length - HEX_LENGTH);
                System.arraycopy(bytes, offset + length - HEX_LENGTH, tail, 0, HEX_LENGTH);
                tailLength = HEX_LENGTH;
                return;
            }
            int overflow = tailLength + length - HEX_LENGTH;
            if (overflow > 0) {
                digest.update(tail, 0, overflow);
                System.arraycopy(tail, overflow, tail, 0, tailLength - overflow);
                tailLength -= overflow;
            }
            System.arraycopy(bytes, offset, tail, tailLength, length);
            tailLength += length;
        }

        /** The checksum of all but the last 64 bytes fed. */
        String checksum() {
            return hex(digest.digest());
        }

        /** The last 64 bytes fed, as text. */
        String tail() {
            return new String(tail, 0, tailLength, StandardCharsets.US_ASCII);
        }
    }
}
