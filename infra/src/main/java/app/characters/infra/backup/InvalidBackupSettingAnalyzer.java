package app.characters.infra.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad BACKUP_SCHEDULE or BACKUP_KEEP: Spring Boot's short start-up failure report naming it, not a stack trace. */
class InvalidBackupSettingAnalyzer extends AbstractFailureAnalyzer<ScheduledBackups.InvalidBackupSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ScheduledBackups.InvalidBackupSetting cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the variable, or unset BACKUP_SCHEDULE to take no "
                + "scheduled backups.", cause);
    }
}
