package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
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
    void timeOrderedIdsMadeAtOnceInManyThreadsStillDiffer() throws InterruptedException {
        Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 25_000; i++) {
                    seen.add(RandomIds.timeOrdered());
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void idsAreVersionFourAndDistinctAcrossThreads() throws InterruptedException {
        Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                Set<UUID> mine = new HashSet<>();
                for (int i = 0; i < 25_000; i++) {
                    UUID id = RandomIds.uuid();
                    assertThat(id.version()).isEqualTo(4);
                    assertThat(id.variant()).isEqualTo(2);
                    mine.add(id);
                }
                seen.addAll(mine);
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).hasSize(100_000);
    }
}
