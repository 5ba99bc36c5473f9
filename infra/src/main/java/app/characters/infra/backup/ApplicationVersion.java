package app.characters.infra.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from the build information Spring Boot's plugin writes into the jar. */
final class ApplicationVersion {

    private static final String VERSION = read();

    private ApplicationVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ApplicationVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
