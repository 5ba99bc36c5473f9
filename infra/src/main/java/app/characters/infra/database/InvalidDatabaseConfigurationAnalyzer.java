package app.characters.infra.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad database variable into Spring Boot's short start-up failure report instead of a stack trace. */
class InvalidDatabaseConfigurationAnalyzer
        extends AbstractFailureAnalyzer<DatabaseSettings.InvalidDatabaseConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DatabaseSettings.InvalidDatabaseConfiguration cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the variable, or unset DATABASE_URL and DB_HOST to use the embedded PostgreSQL.", cause);
    }
}
