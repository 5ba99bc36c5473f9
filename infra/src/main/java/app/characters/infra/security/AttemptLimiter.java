package app.characters.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts attempts per key in the database, so that every node shares the count. Counts are kept per
 * fixed window, and the limit is checked against a sliding estimate: this window's count plus the
 * previous window's, weighted by how much of it still lies within one window from now. So a burst
 * across a window boundary is seen whole.
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
        String normalized = key.toLowerCase(Locale.ROOT);
        Integer count = jdbc.queryForObject("""
                        insert into attempt_window (attempt_key, window_start, attempts) values (?, ?, 1)
                        on conflict (attempt_key, window_start) do update set attempts = attempt_window.attempts + 1
                        returning attempts""", Integer.class,
                normalized, Timestamp.from(start));
        Integer previous = jdbc.query("select attempts from attempt_window where attempt_key = ? and window_start = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, normalized, Timestamp.from(start.minus(window)));
        double stillInWindow = 1.0 - (double) (now.toEpochMilli() - start.toEpochMilli()) / windowMillis;
        double estimate = (count == null ? 0 : count) + (previous == null ? 0 : previous) * stillInWindow;
        if (estimate > limit) {
            long retryAfter = Math.max(1, Duration.between(now, start.plus(window)).toSeconds() + 1);
            throw new TooManyAttempts(retryAfter);
        }
    }

    /** Forgets windows that ended long ago. */
    public void forgetBefore(Instant instant) {
        jdbc.update("delete from attempt_window where window_start < ?", Timestamp.from(instant));
    }
}
