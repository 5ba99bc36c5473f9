package app.characters.infra.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Where the database is and how to pool connections to it, read from the environment:
 * {@code DATABASE_URL} wins, then {@code DB_HOST} and its siblings, else an embedded PostgreSQL.
 * The password is kept out of {@link #toString()} and of every URL this class shows.
 */
public record DatabaseSettings(Type type, String jdbcUrl, String username, String password, Pool pool) {

    public enum Type { EMBEDDED, EXTERNAL }

    public record Pool(int maximumSize, int minimumIdle, Duration connectionTimeout, Duration idleTimeout,
                       Duration maxLifetime) {
    }

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&]*");

    /** Reads the settings; {@code env} answers a variable's value or null. */
    public static DatabaseSettings from(Function<String, String> env) {
        Pool pool = pool(env);
        String url = blankToNull(env.apply("DATABASE_URL"));
        if (url != null) {
            return fromUrl(url, env, pool);
        }
        String host = blankToNull(env.apply("DB_HOST"));
        if (host != null) {
            String port = orDefault(env.apply("DB_PORT"), "5432");
            if (!port.matches("\\d{1,5}")) {
                throw new InvalidDatabaseConfiguration("DB_PORT must be a port number");
            }
            String name = orDefault(env.apply("DB_NAME"), "characters");
            return new DatabaseSettings(Type.EXTERNAL, "jdbc:postgresql://" + host + ":" + port + "/" + name,
                    orDefault(env.apply("DB_USER"), "postgres"), env.apply("DB_PASSWORD"), pool);
        }
        return new DatabaseSettings(Type.EMBEDDED, null, "postgres", null, pool);
    }

    /** The same settings, now pointing at a started embedded server. */
    public DatabaseSettings at(String embeddedJdbcUrl) {
        return new DatabaseSettings(type, embeddedJdbcUrl, username, password, pool);
    }

    /** The URL with any password replaced by stars, fit for logs and answers. */
    public String maskedUrl() {
        if (jdbcUrl == null) {
            return "(embedded, not started)";
        }
        return PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1****");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[type=" + type + ", url=" + maskedUrl() + ", username=" + username + ", pool=" + pool + "]";
    }

    private static DatabaseSettings fromUrl(String url, Function<String, String> env, Pool pool) {
        if (url.startsWith("jdbc:postgresql://")) {
            String user = blankToNull(env.apply("DB_USER"));
            return new DatabaseSettings(Type.EXTERNAL, url, user == null ? userInJdbcUrl(url) : user,
                    env.apply("DB_PASSWORD"), pool);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new InvalidDatabaseConfiguration("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidDatabaseConfiguration("DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)");
        }
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (host == null || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new InvalidDatabaseConfiguration("DATABASE_URL must name a host and a database (postgres://user:password@host:port/database)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + host + ":" + port + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseSettings(Type.EXTERNAL, jdbc, user, password, pool);
    }

    /** The {@code user} a JDBC URL names in its query, as the driver reads it; null if none (or not readable). */
    private static String userInJdbcUrl(String url) {
        Properties parsed = Driver.parseURL(url, new Properties());
        return parsed == null ? null : parsed.getProperty("user");
    }

    private static Pool pool(Function<String, String> env) {
        int size = intVar(env, "DB_POOL_SIZE", 10, 1, 1000);
        return new Pool(size, Math.min(size, intVar(env, "DB_POOL_MIN_IDLE", size, 0, 1000)),
                Duration.ofMillis(intVar(env, "DB_CONNECTION_TIMEOUT_MS", 30_000, 250, 600_000)),
                Duration.ofMillis(intVar(env, "DB_IDLE_TIMEOUT_MS", 600_000, 10_000, 86_400_000)),
                Duration.ofMillis(intVar(env, "DB_MAX_LIFETIME_MS", 1_800_000, 30_000, 86_400_000)));
    }

    private static int intVar(Function<String, String> env, String name, int fallback, int min, int max) {
        String raw = blankToNull(env.apply(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidDatabaseConfiguration(name + " must be a whole number from " + min + " to " + max);
        }
    }

    private static String decode(String raw) {
        // percent-decoding only: in a URL's user info a '+' is a plus, not a space as in web forms
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orDefault(String value, String fallback) {
        String v = blankToNull(value);
        return v == null ? fallback : v;
    }

    /** A configuration the service cannot start with; the message names the variable and never its secret. */
    public static class InvalidDatabaseConfiguration extends RuntimeException {
        public InvalidDatabaseConfiguration(String message) {
            super(message);
        }
    }
}
