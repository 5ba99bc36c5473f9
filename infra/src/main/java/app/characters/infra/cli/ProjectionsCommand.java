package app.characters.infra.cli;

import app.characters.infra.CharacterService;
import app.characters.infra.progress.ConsoleProgress;
import app.characters.infra.progress.Rates;
import app.characters.infra.projection.ProjectionRebuild;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code projections rebuild}: the read tables, dropped and replayed from the events. */
@Command(name = "projections", description = "The read tables.", subcommands = ProjectionsCommand.Rebuild.class)
class ProjectionsCommand {

    @Command(name = "rebuild", description = "Empties every read table and replays all events into them; "
            + "commands and reads of version history wait while it runs; stop streaming projection nodes first.")
    static class Rebuild implements Callable<Integer> {
        @Option(names = "--account-claims", description = "also rebuild the claimed usernames and emails "
                + "(after a restore that stopped before its rebuild)")
        boolean accountClaims;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = CharacterService.startForCommand()) {
                ProjectionRebuild.Rebuilt rebuilt = context.getBean(ProjectionRebuild.class)
                        .rebuild(accountClaims, new ConsoleProgress("events"));
                System.out.println("rebuilt the read tables from " + Rates.of(rebuilt.events(), "events", rebuilt.elapsed()));
            }
            return 0;
        }
    }
}
