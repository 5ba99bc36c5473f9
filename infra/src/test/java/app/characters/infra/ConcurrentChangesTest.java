package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentChangesTest extends ServiceTest {

    private static final int THREADS = 16;

    /** Runs every task at once and answers their results in order. */
    private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentGainsWithoutIfMatchNeverLoseEachOther() throws Exception {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Busy").id();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<List<Integer>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tasks.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    statuses.add(api.post(path(id) + "/experience", owner.token(),
                            Api.map("amount", 1, "reason", "tick")).status());
                }
                return statuses;
            });
        }

        List<Integer> statuses = together(tasks).stream().flatMap(List::stream).toList();

        assertThat(statuses).hasSize(160).containsOnly(200);
        Answer read = api.get(path(id), owner.token());
        assertThat(read.version()).isEqualTo(161);
        assertThat(read.body().path("experience").asLong()).isEqualTo(160);
        assertThat(read.header("ETag")).isEqualTo("\"161\"");
        assertThat(eventCount(id)).isEqualTo(161);
        assertThat(versionRows(id)).isEqualTo(161);
        assertThat(jdbc.queryForObject("select max(version) from character_version where character_id = ?",
                Long.class, id)).isEqualTo(161);
    }

    @Test
    void concurrentChangesAtTheSameIfMatchLetExactlyOneThrough() throws Exception {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Contested").id();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tasks.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                return api.post(path(id) + "/experience", owner.token(), Api.map("amount", 7, "reason", "race"),
                        "If-Match", "\"1\"").status();
            });
        }

        List<Integer> statuses = together(tasks);

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(THREADS - 1);
        Answer read = api.get(path(id), owner.token());
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.body().path("experience").asLong()).isEqualTo(7);
        assertThat(eventCount(id)).isEqualTo(2);
        assertThat(versionRows(id)).isEqualTo(2);
    }
}
