package app.characters.infra.axon;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The events the streaming projections refused, waiting in {@code dead_letter_entry}, and their retry. Subscribing
 * projections have no queue: a refusal there refuses the change.
 */
@Component
public class DeadLetters {

    /** One projection's letters before a retry, and those still waiting after it. */
    public record Retry(long before, long remaining) {
        public long retried() {
            return Math.max(0, before - remaining);
        }
    }

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Letters waiting, for every projection that has a queue. */
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new TreeMap<>();
        for (String name : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(name).ifPresent(queue -> waiting.put(name, queue.size()));
        }
        return waiting;
    }

    /**
     * Hands every waiting sequence (a character's letters, in its own order) to its projection once more. A sequence
     * whose first letter fails again stays, with the cause of the new failure; one that another node is retrying at
     * this moment is left to that node. Every sequence is tried at most once a call, so a letter that keeps failing
     * cannot keep the call busy.
     */
    public Map<String, Retry> retryAll() {
        Map<String, Retry> result = new TreeMap<>();
        for (String name : processing.eventProcessors().keySet()) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name).orElse(null);
            SequencedDeadLetterProcessor<EventMessage<?>> letters =
                    processing.sequencedDeadLetterProcessor(name).orElse(null);
            if (queue == null || letters == null) {
                continue;
            }
            long before = queue.size();
            Set<String> tried = new HashSet<>();
            int triedBefore;
            do {
                triedBefore = tried.size();
                letters.process(first -> tried.add(first.message().getIdentifier()));
            } while (tried.size() > triedBefore);
            result.put(name, new Retry(before, queue.size()));
        }
        return result;
    }
}
