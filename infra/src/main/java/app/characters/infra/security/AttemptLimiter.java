package app.characters.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts attempts per key in fixed windows, in the database so that every node shares the count.
 * One statement per attempt: an upsert that answers the new count.
 */
@Component
public class AttemptLimiter {

    /** Too many attempts; try again after the given number of seconds. */
    public static class TooManyAttempts extends RuntimeException {
        private final long retryAfterSeconds;

        public TooManyAttempts(long retryAfterSeconds) {
            super("too many attempts, try again in " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AttemptLimiter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one attempt under {@code key}; throws once more than {@code limit} fall in one window. */
    public void attempt(String key, int limit, Duration window) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        Integer count = jdbc.queryForObject("""
                        insert into attempt_window (attempt_key, window_start, attempts) values (?, ?, 1)
                        on conflict (attempt_key, window_start) do update set attempts = attempt_window.attempts + 1
                        returning attempts""", Integer.class,
                key.toLowerCase(Locale.ROOT), Timestamp.from(start));
        if (count != null && count > limit) {
            long retryAfter = Math.max(1, Duration.between(now, start.plus(window)).toSeconds() + 1);
            throw new TooManyAttempts(retryAfter);
        }
    }

    /** Forgets windows that ended long ago. */
    public void forgetBefore(Instant instant) {
        jdbc.update("delete from attempt_window where window_start < ?", Timestamp.from(instant));
    }
}
