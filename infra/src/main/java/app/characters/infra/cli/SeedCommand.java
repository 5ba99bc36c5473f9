package app.characters.infra.cli;

import app.characters.infra.CharacterService;
import app.characters.infra.progress.ConsoleProgress;
import app.characters.infra.progress.Rates;
import app.characters.infra.seed.Seeder;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seed}: a plausible world, the same for the same seed, never stored twice. */
@Command(name = "seed", description = "Adds realistic users, characters and templates; deterministic for a seed "
        + "and idempotent (events already stored are skipped).")
class SeedCommand implements Callable<Integer> {

    @Option(names = "--users", required = true, paramLabel = "N")
    int users;

    @Option(names = "--characters-per-user", required = true, paramLabel = "M")
    int charactersPerUser;

    @Option(names = "--seed", required = true, paramLabel = "S")
    long seed;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CharacterService.startForCommand()) {
            Seeder.Seeded seeded = context.getBean(Seeder.class).seed(users, charactersPerUser, seed,
                    new ConsoleProgress("events"));
            System.out.printf("seeded %,d users and %,d characters: %,d events generated, %s; "
                            + "every seeded user's password is \"%s\"%n", seeded.users(), seeded.characters(),
                    seeded.generated(), Rates.of(seeded.inserted(), "new events", seeded.elapsed()), Seeder.PASSWORD);
        }
        return 0;
    }
}
