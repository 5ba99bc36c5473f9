package app.characters.infra.database;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one DataSource of the service, on the database {@link DatabaseSettings} chose. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseSettings databaseSettings(Environment environment) {
        return DatabaseSettings.from(environment::getProperty);
    }

    @Bean(destroyMethod = "close")
    DatabaseConnection databaseConnection(DatabaseSettings settings,
                                          @Value("${app.data-dir}") String dataDir,
                                          @Value("${app.database.ephemeral:false}") boolean ephemeral) {
        return DatabaseConnection.open(settings, ephemeral ? null : Path.of(dataDir, "postgres"));
    }

    @Bean
    DataSource dataSource(DatabaseConnection connection) {
        return connection.dataSource();
    }
}
