package app.characters.infra.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Axon's message metrics with the meters, names and tags of its dimensional Micrometer monitors
 * ({@code commandBus.successTimer{payloadType}}, {@code eventProcessor.latency{processorName}}, ...), but each
 * payload type's meters are looked up once, not for every message, and the capacity is summed a second at a time.
 * Axon's monitors looked up every meter by name and tags for every message (a dozen look-ups a component) and kept
 * every duration for ten minutes in a skip list: a tenth of what a change cost the service.
 *
 * <p>The timers publish their count, total and maximum, and no percentiles unless asked for, like every other meter of
 * a Spring Boot service: {@code management.metrics.distribution.percentiles-histogram.commandBus=true} gives the
 * command bus's timers buckets that Prometheus can add up across nodes, {@code
 * management.metrics.distribution.percentiles.eventProcessor=0.5,0.99} percentiles computed in the service. Axon's
 * monitors computed six percentiles of every timer in the service, in three rotating histograms each, which no
 * Prometheus can add up across nodes; on the batch worker that was a fortieth of its time (BENCHMARKS.md, lever 53).
 */
@Component
class MessageMetrics extends MetricsConfigurerModule {

    private final MeterRegistry registry;

    MessageMetrics(MeterRegistry registry) {
        super(new GlobalMetricRegistry(registry), true);
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(axon -> this::monitorFor);
    }

    /** What Axon's module would register for the component, as it would name it. */
    MessageMonitor<Message<?>> monitorFor(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new Meters(registry, "eventProcessor", Tags.of("processorName", componentName), true, true, true);
        }
        if (EventBus.class.isAssignableFrom(componentType)) { // Axon counts the events of all types together
            return new Meters(registry, componentName, Tags.empty(), false, false, false);
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return new Meters(registry, componentName, Tags.empty(), true, false, true);
        }
        return NoOpMessageMonitor.instance();
    }

    /** The meters of one component, a set a payload type. */
    static final class Meters implements MessageMonitor<Message<?>> {

        private static final Duration CAPACITY_WINDOW = Duration.ofMinutes(10);

        private final MeterRegistry registry;
        private final Clock clock;
        private final String prefix;
        private final Tags tags;
        private final boolean capacity;
        private final boolean countedByType;
        private final AtomicLong latency;
        private final Map<Class<?>, TypeMeters> byType = new ConcurrentHashMap<>();

        Meters(MeterRegistry registry, String prefix, Tags tags, boolean capacity, boolean latency,
               boolean countedByType) {
            this.registry = registry;
            this.clock = registry.config().clock();
            this.prefix = prefix;
            this.tags = tags;
            this.capacity = capacity;
            this.countedByType = countedByType;
            this.latency = latency ? new AtomicLong() : null;
            if (latency) {
                Gauge.builder(prefix + ".latency", this.latency::get).tags(tags).register(registry);
            }
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            TypeMeters meters = byType.get(message.getPayloadType());
            if (meters == null) {
                meters = byType.computeIfAbsent(message.getPayloadType(), this::metersOf);
            }
            meters.ingested.increment();
            if (latency != null && message instanceof EventMessage<?> event) {
                latency.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
            }
            return meters.started(clock.monotonicTime());
        }

        private TypeMeters metersOf(Class<?> payloadType) {
            Tags typed = tags.and("payloadType", payloadType.getSimpleName());
            Tags counted = countedByType ? typed : tags;
            return new TypeMeters(clock,
                    registry.counter(prefix + ".ingestedCounter", counted),
                    registry.counter(prefix + ".successCounter", counted),
                    registry.counter(prefix + ".failureCounter", counted),
                    registry.counter(prefix + ".processedCounter", counted),
                    registry.counter(prefix + ".ignoredCounter", counted),
                    timer("allTimer", typed), timer("successTimer", typed), timer("failureTimer", typed),
                    timer("ignoredTimer", typed),
                    capacity ? capacity(typed) : null);
        }

        private Timer timer(String name, Tags typed) {
            return Timer.builder(prefix + "." + name).tags(typed).register(registry);
        }

        private BusyTime capacity(Tags typed) {
            BusyTime busy = new BusyTime(clock, CAPACITY_WINDOW);
            Gauge.builder(prefix + ".capacity", busy, BusyTime::share).tags(typed).register(registry);
            return busy;
        }
    }

    private record TypeMeters(Clock clock, Counter ingested, Counter success, Counter failure, Counter processed,
                              Counter ignored, Timer all, Timer successTimer, Timer failureTimer, Timer ignoredTimer,
                              BusyTime busy) {

        MessageMonitor.MonitorCallback started(long start) {
            return new MessageMonitor.MonitorCallback() {
                @Override
                public void reportSuccess() {
                    long took = took();
                    successTimer.record(took, TimeUnit.NANOSECONDS);
                    success.increment();
                    processed.increment();
                }

                @Override
                public void reportFailure(Throwable cause) {
                    long took = took();
                    failureTimer.record(took, TimeUnit.NANOSECONDS);
                    failure.increment();
                    processed.increment();
                }

                @Override
                public void reportIgnored() {
                    long took = took();
                    ignoredTimer.record(took, TimeUnit.NANOSECONDS);
                    ignored.increment();
                }

                private long took() {
                    long took = clock.monotonicTime() - start;
                    all.record(took, TimeUnit.NANOSECONDS);
                    if (busy != null) {
                        busy.add(took);
                    }
                    return took;
                }
            };
        }
    }

    /**
     * The share of a window (ten minutes) spent handling messages, Axon's "capacity": the time taken is summed a
     * second at a time, where Axon's monitor kept each message's time for the whole window.
     */
    static final class BusyTime {

        private final Clock clock;
        private final long[] seconds;
        private final long[] nanos;
        private final long windowNanos;

        BusyTime(Clock clock, Duration window) {
            this.clock = clock;
            int slots = (int) window.toSeconds();
            this.seconds = new long[slots];
            this.nanos = new long[slots];
            this.windowNanos = window.toNanos();
        }

        synchronized void add(long took) {
            long second = TimeUnit.NANOSECONDS.toSeconds(clock.monotonicTime());
            int slot = (int) Math.floorMod(second, (long) seconds.length);
            if (seconds[slot] != second) {
                seconds[slot] = second;
                nanos[slot] = 0;
            }
            nanos[slot] += took;
        }

        synchronized double share() {
            long now = TimeUnit.NANOSECONDS.toSeconds(clock.monotonicTime());
            long sum = 0;
            for (int slot = 0; slot < seconds.length; slot++) {
                if (now - seconds[slot] < seconds.length && nanos[slot] > 0) {
                    sum += nanos[slot];
                }
            }
            return (double) sum / windowNanos;
        }
    }
}
