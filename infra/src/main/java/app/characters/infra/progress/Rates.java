package app.characters.infra.progress;

import java.time.Duration;

/** Counts and their rates, the way the one-line summaries say them. */
public final class Rates {

    private Rates() {
    }

    /** {@code 1,234 events in 2.1 s (587 events/s)}. */
    public static String of(long count, String unit, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format("%,d %s in %.1f s (%,.0f %s/s)", count, unit, seconds, count / seconds, unit);
    }
}
