package app.characters.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts the events appended to the store by type, {@code characters_events_appended_total{type}}.
 * An event is published while its command is handled but stored only when that unit of work commits,
 * so it is counted after the commit: a refused or rolled-back change counts nothing.
 */
@Component
class EventMetrics implements MessageDispatchInterceptor<EventMessage<?>> {

    private final MeterRegistry registry;
    private final Map<Class<?>, Counter> counters = new ConcurrentHashMap<>();

    EventMetrics(MeterRegistry registry, EventBus eventBus) {
        this.registry = registry;
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Class<?> type = event.getPayloadType();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> count(type));
            } else {
                count(type);
            }
            return event;
        };
    }

    private void count(Class<?> type) {
        counters.computeIfAbsent(type, t -> Counter.builder("characters.events.appended")
                .description("Events appended to the event store")
                .tag("type", t.getSimpleName())
                .register(registry)).increment();
    }
}
