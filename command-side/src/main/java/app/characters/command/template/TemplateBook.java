package app.characters.command.template;

import app.characters.command.store.FirstEvent;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Looks templates up on the write side; a template never changes once saved. */
@Component
public class TemplateBook {

    private final EventStore eventStore;

    public TemplateBook(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<TemplateSaved> find(UUID templateId) {
        return FirstEvent.of(eventStore, templateId.toString(), TemplateSaved.class);
    }
}
