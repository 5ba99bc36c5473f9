package app.characters.command.store;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads the event that created an aggregate which never changes afterwards (a skill, a template):
 * the first event is the whole of it, so it is read straight from the store, with no aggregate
 * loaded and no lock taken.
 */
public final class FirstEvent {

    private FirstEvent() {
    }

    public static <T> Optional<T> of(EventStore eventStore, String aggregateId, Class<T> type) {
        return eventStore.readEvents(aggregateId, 0).asStream()
                .limit(1)
                .map(message -> message.getPayload())
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }
}
