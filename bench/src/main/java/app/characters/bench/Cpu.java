package app.characters.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by the service, by this benchmark (the clients) and by PostgreSQL, read from
 * {@code /proc}, so that each figure can say where a request's CPU goes on the shared cores.
 */
final class Cpu {

    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    record Sample(double serviceMs, double clientMs, double postgresMs) {
        Sample minus(Sample before) {
            return new Sample(serviceMs - before.serviceMs, clientMs - before.clientMs, postgresMs - before.postgresMs);
        }
    }

    private Cpu() {
    }

    /** CPU milliseconds by thread name (digits dropped, so that pools add up) of one process. */
    static java.util.Map<String, Double> threads(long pid) {
        java.util.Map<String, Double> byName = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(comm, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS, Double::sum);
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    /** The machine's idle and total CPU ticks so far, all cores together ({@code /proc/stat}; idle includes iowait). */
    static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The postmaster of the benchmark's own PostgreSQL: only it and its children count as PostgreSQL. */
    static volatile long postmaster = -1;

    static Sample sample(long servicePid) {
        double service = 0;
        double client = 0;
        double postgres = 0;
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) processes::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS;
                if (pid == servicePid) {
                    service += ms;
                } else if (pid == self) {
                    client += ms;
                } else if (comm.equals("postgres") && (pid == postmaster || Long.parseLong(fields[1]) == postmaster)) {
                    postgres += ms;
                }
            }
        } catch (IOException e) {
            return new Sample(0, 0, 0);
        }
        return new Sample(service, client, postgres);
    }
}
