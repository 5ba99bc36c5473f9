package app.characters.infra.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code eventProcessors} health: every Axon event processor with its mode, how many events it is
 * behind and how many dead letters it holds. A subscribing processor runs in the transaction that
 * appends the event, so it is never behind. A streaming one is behind by the distance between the
 * head of the event store and the position its slowest segment stored in the token store (a gap in
 * the global index counts as an event: the figure errs on the safe side). When a streaming
 * processor is further behind than {@code app.health.max-projection-lag}, this is DOWN and, being in the
 * readiness group, takes the node out of the load balancer until it has caught up. Dead letters (events a streaming
 * projection refused, counted from {@code dead_letter_entry} for all nodes) are reported, in total and per
 * processor, but leave the status alone: no node can handle them better, an admin's retry can.
 */
@Component
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TokenSchema tokenSchema;
    private final Serializer serializer;
    private final long maxLag;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                                   TokenSchema tokenSchema, @Qualifier("serializer") Serializer serializer,
                                   @Value("${app.health.max-projection-lag}") long maxLag) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.tokenSchema = tokenSchema;
        this.serializer = serializer;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        Map<String, EventProcessor> processors = new TreeMap<>(processing.eventProcessors());
        Long head = null;
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> behind = new ArrayList<>();
        long deadLetters = 0;
        for (Map.Entry<String, EventProcessor> entry : processors.entrySet()) {
            String name = entry.getKey();
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            long lag = 0;
            if (processor instanceof StreamingEventProcessor streaming) {
                if (head == null) {
                    head = headPosition();
                }
                lag = Math.max(0, head - slowestPosition(streaming.getName()));
                detail.put("mode", "streaming");
                detail.put("running", streaming.isRunning());
                detail.put("error", streaming.isError());
                if (lag > maxLag) {
                    behind.add(name);
                }
            } else if (processor instanceof IdleProcessor) {
                // the other nodes run it: its lag is theirs, and taking this node out would not help them
                if (head == null) {
                    head = headPosition();
                }
                lag = Math.max(0, head - slowestPosition(name));
                detail.put("mode", "off");
            } else {
                detail.put("mode", "subscribing");
            }
            detail.put("lag", lag);
            long letters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
            deadLetters += letters;
            detail.put("deadLetters", letters);
            details.put(name, detail);
        }
        Health.Builder health = behind.isEmpty() ? Health.up() : Health.down();
        health.withDetail("maxLag", maxLag).withDetail("deadLetters", deadLetters).withDetail("processors", details);
        if (!behind.isEmpty()) {
            health.withDetail("behind", behind);
        }
        return health.build();
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * The position of the slowest segment as the token store holds it, for every node's segments and
     * not only this node's. A processor that has stored no token yet counts from the start.
     */
    private long slowestPosition(String processorName) {
        List<Long> positions = jdbc.query(
                "select " + tokenSchema.tokenColumn() + ", " + tokenSchema.tokenTypeColumn() + " from "
                        + tokenSchema.tokenTable() + " where " + tokenSchema.processorNameColumn() + " = ?",
                (rs, n) -> position(rs.getBytes(1), rs.getString(2)), processorName);
        return positions.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken stored = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return stored == null ? 0 : stored.position().orElse(0);
    }
}
