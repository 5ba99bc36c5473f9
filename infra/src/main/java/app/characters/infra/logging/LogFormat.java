package app.characters.infra.logging;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} switches the console to one JSON object a line (Elastic Common Schema),
 * for a log shipper; {@code ecs}, {@code logstash} and {@code gelf} pick that schema. Anything else
 * keeps the readable text lines. It runs before the logging system starts, so the first line is already
 * in the chosen format; an explicit {@code logging.structured.format.console} still wins.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String VARIABLE = "LOG_FORMAT";
    static final String PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = structuredFormat(environment.getProperty(VARIABLE));
        if (format != null) {
            environment.getPropertySources().addLast(new MapPropertySource("logFormat", Map.of(PROPERTY, format)));
        }
    }

    static String structuredFormat(String logFormat) {
        if (logFormat == null) {
            return null;
        }
        return switch (logFormat.strip().toLowerCase(Locale.ROOT)) {
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default -> null;
        };
    }
}
