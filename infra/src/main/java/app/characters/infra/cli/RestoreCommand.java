package app.characters.infra.cli;

import app.characters.infra.CharacterService;
import app.characters.infra.backup.Restore;
import app.characters.infra.progress.ConsoleProgress;
import app.characters.infra.progress.Rates;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore FILE... [--until TIME]}: a full backup and its increments into an empty store. */
@Command(name = "restore", description = "Replays backups (a full one and its increments) into an EMPTY event store "
        + "and rebuilds every read table; refuses a store that has events.")
class RestoreCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<String> files;

    @Option(names = "--until", paramLabel = "TIME",
            description = "stop before the first event stamped after this time (ISO-8601, e.g. 2026-11-24T10:00:00Z)")
    String until;

    @Option(names = "--dir", description = "where to look for a file named without a path")
    Path dir;

    @Override
    public Integer call() {
        Instant limit = until == null ? null : parse(until);
        List<Path> paths = files.stream().map(f -> BackupCommand.directory(dir).resolve(f)).toList();
        // missing, foreign or unchained files are said at once, before the service's beans take their seconds to start
        Restore.chain(paths);
        try (ConfigurableApplicationContext context = CharacterService.startForCommand()) {
            Restore.Restored r = context.getBean(Restore.class).restore(paths, limit, new ConsoleProgress("events"));
            System.out.printf("restored %d file(s): imported %s; rebuilt the read tables from %s; %s in all%n",
                    r.files(), Rates.of(r.events(), "events", r.importTime()),
                    Rates.of(r.rebuilt().events(), "events", r.rebuilt().elapsed()),
                    Rates.of(r.events(), "events", r.elapsed()));
            if (r.stampedEarlierLeftOut() > 0) {
                System.err.printf("note: %d later events of the store are stamped at or before %s (written after the "
                        + "cut with earlier times, as seed stamps the history it makes up); --until keeps the store's "
                        + "order and left them out%n", r.stampedEarlierLeftOut(), limit);
            }
        }
        return 0;
    }

    static Instant parse(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--until must be an ISO-8601 time with an offset, such as 2026-11-24T10:00:00Z");
        }
    }
}
