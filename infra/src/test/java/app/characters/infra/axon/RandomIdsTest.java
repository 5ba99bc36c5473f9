package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void axonDrawsItsMessageIdsFromThePerThreadGeneratorInTheOrderTheyAreMade() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIds.class);
        String earlier = IdentifierFactory.getInstance().generateIdentifier();
        long before = System.currentTimeMillis();
        while (System.currentTimeMillis() < before + 2) {
            Thread.onSpinWait();
        }
        String later = IdentifierFactory.getInstance().generateIdentifier();

        assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
        assertThat(UUID.fromString(earlier).variant()).isEqualTo(2);
        assertThat(later).isGreaterThan(earlier);
        assertThat(Long.parseLong(later.replace("-", "").substring(0, 12), 16))
                .isBetween(before, System.currentTimeMillis());
    }

    @Test
    void timeOrderedIdsMadeInOneMillisecondStillDiffer() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = RandomIds.timeOrdered();
            assertThat(id.version()).isEqualTo(7);
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void timeOrderedIdsMadeAtOnceInManyThreadsStillDiffer() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        onFourThreads(() -> {
            for (int i = 0; i < 25_000; i++) {
                seen.add(RandomIds.timeOrdered());
            }
        });
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void idsAreVersionFourAndDistinctAcrossThreads() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        onFourThreads(() -> {
            Set<UUID> mine = new HashSet<>();
            for (int i = 0; i < 25_000; i++) {
                UUID id = RandomIds.uuid();
                assertThat(id.version()).isEqualTo(4);
                assertThat(id.variant()).isEqualTo(2);
                mine.add(id);
            }
            seen.addAll(mine);
        });
        assertThat(seen).hasSize(100_000);
    }

    /** Runs the work on four threads at once and waits for them; a failure on any fails the test. */
    private static void onFourThreads(Runnable work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(work));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }
    }
}
