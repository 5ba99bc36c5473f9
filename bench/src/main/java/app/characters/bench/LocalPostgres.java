package app.characters.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A durable PostgreSQL server from the Debian binaries, with default settings (fsync on), run as
 * the postgres user because initdb refuses root. Removed again when closed.
 */
final class LocalPostgres implements AutoCloseable {

    private static final String BIN = "/usr/lib/postgresql/15/bin";

    private final Path dataDir;
    private final int port;

    private LocalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static LocalPostgres start(int port) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-pg");
        run("chown", "postgres:postgres", dir.toString());
        LocalPostgres pg = new LocalPostgres(dir.resolve("data"), port);
        asPostgres(BIN + "/initdb", "-D", pg.dataDir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        asPostgres(BIN + "/pg_ctl", "-D", pg.dataDir.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k /tmp -c listen_addresses=localhost -c max_connections=200", "start");
        Cpu.postmaster = Long.parseLong(Files.readAllLines(pg.dataDir.resolve("postmaster.pid")).get(0).strip());
        return pg;
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("drop database if exists " + name);
            c.createStatement().execute("create database " + name);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        asPostgres(BIN + "/pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        run("rm", "-rf", dataDir.getParent().toString());
    }

    private static void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
    }
}
