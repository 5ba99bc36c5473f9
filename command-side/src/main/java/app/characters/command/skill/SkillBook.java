package app.characters.command.skill;

import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Looks skills up on the write side. A skill is defined once and never changes, so its first
 * event is the whole of it, read straight from the event store without loading or locking an aggregate.
 */
@Component
public class SkillBook {

    private final EventStore eventStore;

    public SkillBook(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<SkillDefinition> find(String skillId) {
        return eventStore.readEvents(skillId, 0).asStream()
                .map(message -> message.getPayload())
                .filter(SkillDefined.class::isInstance)
                .map(payload -> ((SkillDefined) payload).definition())
                .findFirst();
    }
}
