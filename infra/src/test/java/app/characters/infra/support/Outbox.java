package app.characters.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The mail the test service writes to its outbox (MAIL_OUTBOX_DIR in ServiceTest). */
public final class Outbox {

    private static final Path DIR = Path.of("target/test-outbox");
    private static final Pattern RESET_TOKEN = Pattern.compile("([0-9a-f-]{36}\\.[A-Za-z0-9_-]{20,})");

    private Outbox() {
    }

    /** The first mail to that address, if one was written. */
    public static Optional<String> mailTo(String email) {
        if (!Files.isDirectory(DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(Outbox::read).filter(text -> text.contains("To: " + email)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reset token mailed to that address, polled for until a deadline. */
    public static String awaitResetToken(String email) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Matcher> token = mailTo(email).map(RESET_TOKEN::matcher).filter(Matcher::find);
            if (token.isPresent()) {
                return token.get().group(1);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no reset mail for " + email);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
