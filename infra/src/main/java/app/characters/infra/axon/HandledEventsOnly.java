package app.characters.infra.axon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.SubscribableMessageSource;

/**
 * The event bus as one subscribing processor sees it: only the events that one of its handlers takes. Without it
 * every processor gets every event, and for each event it has no handler for it still opens a unit of work, joins
 * the transaction and records the event as ignored: the character's events went to three projections that ignore
 * them, a quarter of the service's CPU a change (3.3 ms, 2.5 ms without). Which payload types a processor takes is
 * asked once a type.
 */
final class HandledEventsOnly implements SubscribableMessageSource<EventMessage<?>> {

    private final SubscribableMessageSource<EventMessage<?>> bus;
    private final Supplier<EventHandlerInvoker> handlers;
    private final Map<Class<?>, Boolean> taken = new ConcurrentHashMap<>();

    /** {@code handlers} is asked at the first event, when the processor exists. */
    HandledEventsOnly(SubscribableMessageSource<EventMessage<?>> bus, Supplier<EventHandlerInvoker> handlers) {
        this.bus = bus;
        this.handlers = handlers;
    }

    @Override
    public Registration subscribe(Consumer<List<? extends EventMessage<?>>> processor) {
        return bus.subscribe(events -> {
            List<EventMessage<?>> handled = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                if (taken.computeIfAbsent(event.getPayloadType(), type -> handlers.get().canHandleType(type))) {
                    handled.add(event);
                }
            }
            if (!handled.isEmpty()) {
                processor.accept(handled);
            }
        });
    }
}
