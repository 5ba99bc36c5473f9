package app.characters.infra;

import app.characters.infra.cli.Cli;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        if (!Cli.serves(args)) {
            Cli.quietLogging();
        }
        int exit;
        try {
            exit = Cli.run(args);
        } catch (RuntimeException | Error e) {
            // a command always ends the process, whatever threads a library left running
            System.err.println("error: " + Cli.reason(e));
            exit = 1;
        }
        if (exit != Cli.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(CharacterService.class, args);
    }

    /**
     * The service's beans for a command of the command line: no web server, no start-up bootstrap
     * (starter skills, admin account) and no scheduled backups, so that a command finds the store as it
     * is; no per-handler time limits either, which cost a timer for every event a replay hands on.
     */
    public static ConfigurableApplicationContext startForCommand(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--app.role=command", "--axon.timeout.enabled=false",
                "--logging.level.root=WARN", "--logging.level.org.springframework.boot.SpringApplication=OFF",
                "--logging.level.org.springframework.context.annotation=ERROR"));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(CharacterService.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
