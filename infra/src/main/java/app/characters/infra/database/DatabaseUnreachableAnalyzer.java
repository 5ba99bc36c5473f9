package app.characters.infra.database;

import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.net.UnknownHostException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A database that refuses the service's login or cannot be reached at start: Spring Boot's short start-up failure
 * report with the database's own reason, instead of a stack trace whose last line blames the web server.
 */
class DatabaseUnreachableAnalyzer extends AbstractFailureAnalyzer<PoolInitializationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, PoolInitializationException cause) {
        return new FailureAnalysis("The database could not be reached: " + reason(cause),
                "Check DATABASE_URL (or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD) and that the server is up.",
                cause);
    }

    /** The pool's message, with the host named when it is one that does not resolve (the driver leaves it out). */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException unknown) {
                return failure.getMessage() + " (unknown host " + unknown.getMessage() + ")";
            }
        }
        return failure.getMessage();
    }
}
