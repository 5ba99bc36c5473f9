package app.characters.command.template;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A saved build. It is created by {@link TemplateCommandHandler} from a character's current state. */
@Aggregate
public class TemplateAggregate {

    @AggregateIdentifier
    private UUID templateId;

    protected TemplateAggregate() {
    }

    TemplateAggregate(TemplateSaved saved) {
        apply(saved);
    }

    @EventSourcingHandler
    void on(TemplateSaved event) {
        templateId = event.templateId();
    }
}
