package app.characters.infra.cli;

import app.characters.infra.CharacterService;
import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.database.DatabaseReport;
import app.characters.infra.database.DatabaseSettings;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The command line of the jar: {@code serve} (the default), {@code db}, {@code backup}, {@code restore},
 * {@code projections} and {@code seed}.
 */
@Command(name = "character-service", mixinStandardHelpOptions = true,
        description = "Event-sourced persistence for role-playing-game characters.",
        subcommands = {Cli.Serve.class, Cli.Db.class, BackupCommand.class, RestoreCommand.class,
                ProjectionsCommand.class, SeedCommand.class})
public class Cli {

    /** The exit code that means: the service runs on, do not exit. */
    public static final int KEEP_RUNNING = -1;

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + reason(e));
            return 1;
        });
        if (serves(args)) {
            CharacterService.start(args.length > 0 && args[0].equals("serve")
                    ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
            return KEEP_RUNNING;
        }
        return commandLine.execute(args);
    }

    /** What went wrong; a failed start of the service's beans wraps the reason many times, so it is the deepest one. */
    public static String reason(Throwable failure) {
        Throwable shown = failure;
        if (failure instanceof BeansException) {
            while (shown.getCause() != null && shown.getCause() != shown) {
                shown = shown.getCause();
            }
        }
        if (shown instanceof UnknownHostException unknown) {
            return "unknown host " + unknown.getMessage();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }

    /** Whether these arguments run the service rather than a command. */
    public static boolean serves(String... args) {
        return args.length == 0 || args[0].equals("serve") || args[0].startsWith("--");
    }

    /** The commands print what they did; the libraries' start-up chatter stays out of it. */
    public static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    @Command(name = "serve", description = "Runs the service (the default). Spring options such as --server.port=8081 pass through.")
    static class Serve implements Callable<Integer> {
        @Unmatched
        String[] springArgs = new String[0];

        @Override
        public Integer call() {
            CharacterService.start(springArgs);
            return KEEP_RUNNING;
        }
    }

    @Command(name = "db", description = "Database information and migrations.", subcommands = {Db.Info.class, Db.Migrate.class})
    static class Db {

        public static DatabaseConnection connect() {
            String dataDir = System.getenv().getOrDefault("DATA_DIR", "./data");
            return DatabaseConnection.open(DatabaseSettings.from(System::getenv), Path.of(dataDir, "postgres"));
        }

        @Command(name = "info", description = "Shows the database type, URL (password masked), pool and schema version.")
        static class Info implements Callable<Integer> {
            @Override
            public Integer call() {
                try (DatabaseConnection connection = connect()) {
                    System.out.println(DatabaseReport.of(connection, DatabaseReport.flyway(connection)).toText());
                }
                return 0;
            }
        }

        @Command(name = "migrate", description = "Applies the pending Flyway migrations.")
        static class Migrate implements Callable<Integer> {
            @Override
            public Integer call() {
                try (DatabaseConnection connection = connect()) {
                    Flyway flyway = DatabaseReport.flyway(connection);
                    MigrateResult result = flyway.migrate();
                    System.out.println("applied " + result.migrationsExecuted + " migration(s); schema version "
                            + (result.targetSchemaVersion == null ? flyway.info().current().getVersion().getVersion()
                            : result.targetSchemaVersion));
                }
                return 0;
            }
        }
    }
}
