package app.characters.infra;

import app.characters.infra.cli.Cli;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The service, and the command line that shares its jar. */
@SpringBootApplication(scanBasePackages = "app.characters")
@EntityScan("app.characters")
@EnableJpaRepositories("app.characters")
public class CharacterService {

    public static void main(String[] args) {
        // Axon's update checker calls out at start; this machine has no route to it.
        System.setProperty("axoniq.update-checker.disabled", "true");
        int exit = Cli.run(args);
        if (exit != Cli.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(CharacterService.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
