package app.characters.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one operation from many threads for a fixed time and measures throughput and latency. */
final class Load {

    /** One operation; the argument is the thread's number. */
    interface Operation {
        void run(int thread) throws Exception;
    }

    record Result(long operations, double perSecond, double p50Millis, double p99Millis, long failures) {
    }

    private Load() {
    }

    static Result run(int threads, int seconds, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        long[] failures = new long[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    try {
                        operation.run(thread);
                    } catch (Exception e) {
                        failures[thread]++;
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - begin;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged.length, merged.length / elapsed, percentile(merged, 0.50), percentile(merged, 0.99),
                Arrays.stream(failures).sum());
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
