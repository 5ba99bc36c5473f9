package app.characters.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Backups as metrics: {@code characters_backups_taken_total} and the size of each backup,
 * {@code characters_backup_size_bytes}. The running service's scheduled backups call {@link #recorded(long)}
 * once a file is complete (a backup of the command line is a process of its own, whose meters no one scrapes).
 */
@Component
public class BackupMetrics {

    private final Counter taken;
    private final DistributionSummary size;

    public BackupMetrics(MeterRegistry registry) {
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
