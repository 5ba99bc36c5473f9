package app.characters.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsProperties;
import org.springframework.boot.actuate.autoconfigure.metrics.PropertiesMeterFilter;

class MessageMetricsTest {

    record Gained(int amount) {
    }

    record Renamed(String name) {
    }

    record Find(String id) {
    }

    /** Every meter, with its tags and what it counted, after the same messages went through either set of monitors. */
    private static Map<String, String> measured(BiFunction<Class<?>, String, MessageMonitor<Message<?>>> monitors,
                                                MeterRegistry registry) {
        List<Message<?>> commands = List.of(GenericCommandMessage.asCommandMessage(new Gained(5)),
                GenericCommandMessage.asCommandMessage(new Renamed("Ada")), GenericCommandMessage.asCommandMessage(new Gained(7)));
        List<Message<?>> events = List.of(GenericEventMessage.asEventMessage(new Gained(5)),
                GenericEventMessage.asEventMessage(new Renamed("Ada")));
        run(monitors.apply(CommandBus.class, "commandBus"), commands);
        run(monitors.apply(EventBus.class, "eventStore"), events);
        run(monitors.apply(EventProcessor.class, "characters"), events);
        run(monitors.apply(QueryBus.class, "queryBus"), List.of(new GenericQueryMessage<>(new Find("x"), ResponseTypes.instanceOf(String.class))));

        Map<String, String> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String counted = StreamSupport.stream(meter.measure().spliterator(), false)
                    .filter(m -> m.getStatistic().name().equals("COUNT"))
                    .map(m -> String.valueOf(m.getValue())).findFirst().orElse(meter.getId().getType().name());
            meters.put(meter.getId().getName() + meter.getId().getTags(), counted);
        }
        return meters;
    }

    /** The first message succeeds, the second fails, the third is ignored, and so on. */
    private static void run(MessageMonitor<Message<?>> monitor, List<Message<?>> messages) {
        for (int i = 0; i < messages.size(); i++) {
            MonitorCallback callback = monitor.onMessageIngested(messages.get(i));
            switch (i % 3) {
                case 0 -> callback.reportSuccess();
                case 1 -> callback.reportFailure(new IllegalStateException("refused"));
                default -> callback.reportIgnored();
            }
        }
    }

    /** The meters of Axon's dimensional monitors, counting the same; less the percentiles those compute in the service. */
    @Test
    void publishesTheMetersOfAxonsDimensionalMonitorsCountingTheSame() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry();
        GlobalMetricRegistry axon = new GlobalMetricRegistry(axons);
        SimpleMeterRegistry ours = new SimpleMeterRegistry();
        MessageMetrics metrics = new MessageMetrics(ours);

        Map<String, String> expected = measured(
                (type, name) -> (MessageMonitor<Message<?>>) axon.registerComponentWithDefaultTags(type, name), axons);
        Map<String, String> actual = measured(metrics::monitorFor, ours);
        assertThat(expected.keySet()).anyMatch(meter -> meter.startsWith("commandBus.successTimer.percentile"));
        expected.keySet().removeIf(meter -> meter.contains(".percentile["));

        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).containsEntry("commandBus.successTimer[tag(payloadType=Gained)]", "1.0")
                .containsEntry("eventProcessor.failureCounter[tag(payloadType=Renamed), tag(processorName=characters)]", "1.0")
                .containsKey("eventProcessor.latency[tag(processorName=characters)]");
    }

    @Test
    void timersPublishPercentilesOnlyWhenTheSettingsAskForThem() {
        SimpleMeterRegistry plain = new SimpleMeterRegistry();
        SimpleMeterRegistry asked = new SimpleMeterRegistry();
        // what management.metrics.distribution.percentiles.commandBus=0.99 makes Spring Boot register
        asked.config().meterFilter(new PropertiesMeterFilter(properties("commandBus", 0.99)));
        for (SimpleMeterRegistry registry : List.of(plain, asked)) {
            run(new MessageMetrics(registry).monitorFor(CommandBus.class, "commandBus"),
                    List.of(GenericCommandMessage.asCommandMessage(new Gained(5))));
        }

        assertThat(plain.get("commandBus.successTimer").timer().takeSnapshot().percentileValues()).isEmpty();
        assertThat(plain.get("commandBus.successTimer").timer().count()).isEqualTo(1);
        assertThat(asked.get("commandBus.successTimer").timer().takeSnapshot().percentileValues())
                .extracting(ValueAtPercentile::percentile).containsExactly(0.99);
    }

    private static MetricsProperties properties(String meterPrefix, double percentile) {
        MetricsProperties properties = new MetricsProperties();
        properties.getDistribution().getPercentiles().put(meterPrefix, new double[] {percentile});
        return properties;
    }

    @Test
    void capacityIsTheShareOfTheLastTenMinutesSpentHandlingMessages() {
        MockClock clock = new MockClock();
        MessageMetrics.BusyTime busy = new MessageMetrics.BusyTime(clock, Duration.ofMinutes(10));
        busy.add(Duration.ofSeconds(30).toNanos());
        clock.add(Duration.ofSeconds(1));
        busy.add(Duration.ofSeconds(30).toNanos());
        assertThat(busy.share()).isEqualTo(0.1);

        clock.add(Duration.ofSeconds(599));
        assertThat(busy.share()).isEqualTo(0.05);
        clock.add(Duration.ofSeconds(1));
        assertThat(busy.share()).isZero();
    }

}
