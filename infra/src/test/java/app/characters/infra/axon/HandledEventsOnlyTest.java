package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

class HandledEventsOnlyTest {

    static class TextHandler {
        @EventHandler
        void on(CharSequence text) {
        }
    }

    @Test
    void aProcessorGetsOnlyTheEventsItsHandlersTakeInTheirOrder() {
        SimpleEventBus bus = SimpleEventBus.builder().build();
        SimpleEventHandlerInvoker handlers = SimpleEventHandlerInvoker.builder().eventHandlers(new TextHandler()).build();
        List<List<Object>> delivered = new ArrayList<>();
        new HandledEventsOnly(bus, () -> handlers).subscribe(events -> delivered.add(
                events.stream().map(EventMessage::getPayload).map(Object.class::cast).toList()));

        bus.publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage(42),
                GenericEventMessage.asEventMessage(new StringBuilder("second")));
        bus.publish(GenericEventMessage.asEventMessage(7L));

        assertThat(delivered).hasSize(1); // the batch of numbers alone is not delivered at all
        assertThat(delivered.get(0)).hasSize(2);
        assertThat(delivered.get(0).get(0)).isEqualTo("first");
        assertThat(delivered.get(0).get(1).toString()).isEqualTo("second");
    }
}
