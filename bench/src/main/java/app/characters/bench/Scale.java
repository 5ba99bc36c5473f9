package app.characters.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures 6 and 7: about a million events seeded by the service's own {@code seed} command on the
 * benchmark's PostgreSQL, then, each {@code -Dbench.reps} times, the batched-insert ceiling for as
 * many rows, {@code projections rebuild}, {@code backup create} with {@code -Xmx256m} and
 * {@code restore} into an empty database, every one a process of its own as an operator runs it.
 */
final class Scale {

    /** 6,000 users with 5 characters each seed about 1,050,000 events. */
    private static final int USERS = Integer.getInteger("bench.scaleUsers", 6_000);
    private static final Pattern RATE = Pattern.compile("([\\d,]+) events in ([\\d.]+) s");

    private final Path jar;
    private final LocalPostgres pg;
    private final int reps;
    private final Recorder record;

    interface Recorder {
        void record(String figure, double value);
    }

    Scale(Path jar, LocalPostgres pg, int reps, Recorder record) {
        this.jar = jar;
        this.pg = pg;
        this.reps = reps;
        this.record = record;
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("bench-scale");
        try {
            pg.createDatabase("scale");
            Run seed = service(work, "-Xmx512m", "scale", "seed", "--users", String.valueOf(USERS),
                    "--characters-per-user", "5", "--seed", "2026");
            long events = count(pg.url("scale"));
            record.record("scale: events seeded by `seed`", events);
            record.record("scale: seed, events/s (wall)", events / seed.wallSeconds());
            for (int rep = 0; rep < reps; rep++) {
                record.record("scale: batched ceiling for as many rows (rows/s)", batchedCeiling(events));
                Run rebuild = service(work, "-Xmx512m", "scale", "projections", "rebuild");
                record.record("scale: projection rebuild (events/s)", rebuild.rate(0));
                Path backups = work.resolve("backups-" + rep);
                Run backup = service(work, "-Xmx256m", "scale", "backup", "create", "--dir", backups.toString());
                record.record("scale: backup create, -Xmx256m (events/s)", backup.rate(0));
                record.record("scale: backup create peak RSS (MB)", backup.peakRssMb());
                pg.createDatabase("scale_restore");
                Path file;
                try (var files = Files.list(backups)) {
                    file = files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
                }
                Run restore = service(work, "-Xmx512m", "scale_restore", "restore", file.toString());
                record.record("scale: restore in all, read tables included (s)", restore.seconds(2));
                record.record("scale: restore, the command's wall time (s)", restore.wallSeconds());
                record.record("scale: restore peak RSS (MB)", restore.peakRssMb());
                deleteTree(backups);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Plain JDBC inserts of {@code rows} event-shaped rows, 1,000 a batch and a transaction, into a new table. */
    private double batchedCeiling(long rows) throws Exception {
        pg.createDatabase("scale_ceiling");
        try (Connection c = DriverManager.getConnection(pg.url("scale_ceiling") + "&reWriteBatchedInserts=true")) {
            c.createStatement().execute(Bench.EVENT_TABLE);
            c.setAutoCommit(false);
            long started = System.nanoTime();
            String aggregate = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement(Bench.EVENT_INSERT)) {
                for (long i = 0; i < rows; i++) {
                    Bench.bindEvent(ps, aggregate, i);
                    ps.addBatch();
                    if (i % 1000 == 999 || i == rows - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static long count(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("select count(*) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One command of the service jar on one database of the benchmark's server, its RSS sampled as it runs. */
    private Run service(Path work, String heap, String database, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", heap, "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Path log = work.resolve("command.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", pg.url(database));
        builder.environment().put("BACKUP_DIR", work.resolve("backups").toString());
        long started = System.nanoTime();
        Process process = builder.start();
        long peakKb = 0;
        while (process.isAlive()) {
            peakKb = Math.max(peakKb, peakRssKb(process.pid()));
            process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        String output = Files.readString(log).replace('\r', '\n');
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", arguments) + " failed:\n" + tail(output));
        }
        String last = tail(output).lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        System.out.printf("  %s (%.1f s wall): %s%n", String.join(" ", arguments).replace(work.toString(), "…"), wall, last);
        return new Run(last, wall, peakKb / 1024.0);
    }

    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between two samples
        }
        return 0;
    }

    private static String tail(String output) {
        return output.length() > 2_000 ? output.substring(output.length() - 2_000) : output;
    }

    /** A command's last line and what it cost. */
    record Run(String line, double wallSeconds, double peakRssMb) {

        /** The {@code n}th "N events in S s" of the line, as events a second. */
        double rate(int n) {
            Matcher m = nth(n);
            return Long.parseLong(m.group(1).replace(",", "")) / Double.parseDouble(m.group(2));
        }

        /** The seconds of the {@code n}th "N events in S s" of the line. */
        double seconds(int n) {
            return Double.parseDouble(nth(n).group(2));
        }

        private Matcher nth(int n) {
            Matcher m = RATE.matcher(line);
            for (int i = 0; i <= n; i++) {
                if (!m.find()) {
                    throw new IllegalStateException("no rate number " + n + " in: " + line);
                }
            }
            return m;
        }
    }
}
