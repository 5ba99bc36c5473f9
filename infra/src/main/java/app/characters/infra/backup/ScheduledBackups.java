package app.characters.infra.backup;

import app.characters.infra.metrics.BackupMetrics;
import app.characters.infra.progress.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Full backups on the schedule of {@code BACKUP_SCHEDULE} (a Spring cron expression, in UTC, such as
 * {@code 0 0 3 * * *}), into {@code BACKUP_DIR}, keeping the {@code BACKUP_KEEP} newest. Only the
 * running service takes them, never a command of the command line.
 */
@Component
@ConditionalOnProperty(name = "app.role", havingValue = "service", matchIfMissing = true)
class ScheduledBackups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

    private final String schedule;
    private final BackupDirectory directory;
    private final int keep;
    private final BackupWriter writer;
    private final BackupMetrics metrics;
    private ThreadPoolTaskScheduler scheduler;

    ScheduledBackups(@Value("${app.backup.schedule:}") String schedule, @Value("${app.backup.dir:}") String dir,
                     @Value("${app.backup.keep:7}") String keep, DataSource dataSource, Clock clock,
                     BackupMetrics metrics) {
        this.metrics = metrics;
        this.schedule = schedule == null ? "" : schedule.strip();
        if (!this.schedule.isEmpty() && !CronExpression.isValidExpression(this.schedule)) {
            throw new InvalidBackupSetting("BACKUP_SCHEDULE must be a cron expression of six fields, "
                    + "such as 0 0 3 * * * (every day at 03:00 UTC)");
        }
        this.keep = this.schedule.isEmpty() ? 0 : parseKeep(keep);
        this.directory = new BackupDirectory(BackupDirectory.configured(dir));
        this.writer = new BackupWriter(dataSource, clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (schedule.isEmpty()) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("backup-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        scheduler.schedule(this::backUp, new CronTrigger(schedule, TimeZone.getTimeZone("UTC")));
        log.info("backups scheduled ({}), into {}, keeping the {} newest", schedule, directory.path(), keep);
    }

    void backUp() {
        try {
            BackupWriter.Created created = writer.create(directory.path(), null, Progress.SILENT);
            metrics.recorded(created.fileBytes());
            List<Path> deleted = directory.prune(keep);
            log.info("backup {}: {} events, {} bytes in {} ms; {} old backup(s) removed", created.file(),
                    created.manifest().eventCount(), created.fileBytes(), created.elapsed().toMillis(), deleted.size());
        } catch (RuntimeException e) {
            log.error("the scheduled backup failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    private static int parseKeep(String keep) {
        try {
            int value = Integer.parseInt(keep.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidBackupSetting("BACKUP_KEEP must be a whole number of at least 1");
    }

    /** A backup variable the service cannot start with; the message names it. */
    static final class InvalidBackupSetting extends RuntimeException {
        InvalidBackupSetting(String message) {
            super(message);
        }
    }
}
