package app.characters.command.skill;

import app.characters.command.store.FirstEvent;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Looks skills up on the write side; a skill is defined once and never changes. */
@Component
public class SkillBook {

    private final EventStore eventStore;

    public SkillBook(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<SkillDefinition> find(String skillId) {
        return FirstEvent.of(eventStore, skillId, SkillDefined.class).map(SkillDefined::definition);
    }
}
