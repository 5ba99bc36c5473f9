package app.characters.infra.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.StringUtils;

class LogFormatTest {

    @Test
    void jsonMeansElasticCommonSchemaAndTheSchemasAreTakenByName() {
        assertThat(LogFormat.structuredFormat("json")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat(" JSON ")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat("logstash")).isEqualTo("logstash");
        assertThat(LogFormat.structuredFormat("gelf")).isEqualTo("gelf");
        assertThat(LogFormat.structuredFormat("text")).isNull();
        assertThat(LogFormat.structuredFormat(null)).isNull();
    }

    @Test
    void logFormatJsonTurnsOnStructuredConsoleLogging() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "json");
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void withoutLogFormatTheLinesStayText() {
        MockEnvironment environment = new MockEnvironment();
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "json")
                .withProperty("logging.structured.format.console", "logstash");
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void springBootFindsIt() throws IOException {
        List<String> processors = new ArrayList<>();
        Enumeration<URL> files = getClass().getClassLoader().getResources("META-INF/spring.factories");
        while (files.hasMoreElements()) {
            Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(files.nextElement()));
            processors.addAll(StringUtils.commaDelimitedListToSet(
                    factories.getProperty(EnvironmentPostProcessor.class.getName(), "")));
        }
        assertThat(processors).contains(LogFormat.class.getName());
    }
}
