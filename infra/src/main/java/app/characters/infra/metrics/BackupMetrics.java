package app.characters.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Backups as metrics: {@code characters_backups_taken_total} and the size of each backup,
 * {@code characters_backup_size_bytes}. Whoever writes a backup file calls {@link #recorded(long)} once
 * it is complete.
 */
@Component
public class BackupMetrics {

    private final Counter taken;
    private final DistributionSummary size;

    BackupMetrics(MeterRegistry registry) {
        this.taken = Counter.builder("characters.backups.taken")
                .description("Backups written")
                .register(registry);
        this.size = DistributionSummary.builder("characters.backup.size")
                .description("Size of each backup file written")
                .baseUnit("bytes")
                .register(registry);
    }

    /** One backup of this many bytes was written. */
    public void recorded(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a backup cannot have a negative size");
        }
        taken.increment();
        size.record(bytes);
    }
}
