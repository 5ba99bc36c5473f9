package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    /** Runs Caffeine's upkeep at once in the calling thread, counting how often it was asked to. */
    private static final class CountingUpkeep implements Executor {
        final AtomicInteger tasks = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            task.run();
        }
    }

    private static final class Heard extends Cache.EntryListenerAdapter {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEntryCreated(Object key, Object value) {
            events.add("created " + key);
        }

        @Override
        public void onEntryUpdated(Object key, Object value) {
            events.add("updated " + key);
        }

        @Override
        public void onEntryExpired(Object key) {
            events.add("expired " + key);
        }
    }

    @Test
    void replacingACharacterHandsNoTaskToAnotherThread() {
        CountingUpkeep upkeep = new CountingUpkeep();
        AggregateCache cache = new AggregateCache(100, upkeep);
        Heard heard = new Heard();
        cache.registerCacheEntryListener(heard);
        cache.put("a", 1);
        int afterFirst = upkeep.tasks.get();

        for (int version = 2; version <= 50; version++) {
            cache.put("a", version);
        }

        assertThat(upkeep.tasks.get()).isEqualTo(afterFirst);
        assertThat((Object) cache.get("a")).isEqualTo(50);
        assertThat(heard.events).hasSize(50).startsWith("created a").doesNotContain("expired a");
    }

    @Test
    void aCharacterEvictedForRoomIsToldAsExpired() {
        AggregateCache cache = new AggregateCache(2, Runnable::run);
        Heard heard = new Heard();
        cache.registerCacheEntryListener(heard);
        for (int i = 0; i < 10; i++) {
            cache.put("c" + i, i);
        }

        assertThat(heard.events.stream().filter(e -> e.startsWith("expired"))).hasSize(8);
        assertThat(heard.events.stream().filter(e -> e.startsWith("updated"))).isEmpty();
    }
}
