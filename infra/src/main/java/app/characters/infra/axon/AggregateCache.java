package app.characters.infra.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache over a bounded Caffeine cache: the most recently used aggregates stay in memory, held
 * strongly, up to a number of entries. Axon's own in-memory cache holds weak references, which every young
 * collection clears: under load it missed nearly every time.
 *
 * <p>Only evictions are told to the listeners, and in the evicting thread. A removal listener would be told of every
 * entry replaced, that is of every change, on a thread of the common pool woken for it: the batch worker spent a
 * twentieth of its time waking it (BENCHMARKS.md, lever 51).
 */
final class AggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    AggregateCache(long maximumSize) {
        this(maximumSize, ForkJoinPool.commonPool());
    }

    /** @param upkeep where Caffeine runs its upkeep (evictions among it) */
    AggregateCache(long maximumSize, Executor upkeep) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(upkeep)
                .evictionListener((Object key, Object value, RemovalCause cause) ->
                        listeners.forEach(l -> l.onEntryExpired(key)))
                .build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
