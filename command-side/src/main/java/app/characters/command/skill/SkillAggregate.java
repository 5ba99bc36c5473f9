package app.characters.command.skill;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.Skills;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.skill.SkillMessages.DefineSkill;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One skill of the catalogue. Prerequisites must exist when a skill is defined and a skill is never
 * changed afterwards, so the only cycle possible is a skill that requires itself.
 */
@Aggregate
public class SkillAggregate {

    @AggregateIdentifier
    private String skillId;

    protected SkillAggregate() {
    }

    @CommandHandler
    public SkillAggregate(DefineSkill command, SkillBook skills) {
        SkillDefinition definition = command.definition();
        if (!Skills.validId(command.skillId()) || !command.skillId().equals(definition.id())) {
            throw new IllegalArgumentException("skill id must be a lower-case slug such as fireball");
        }
        if (skills.find(definition.id()).isPresent()) {
            throw Rejected.conflict("skill " + definition.id() + " exists already");
        }
        for (SkillDefinition.Prerequisite prerequisite : definition.prerequisites()) {
            if (prerequisite.skillId().equals(definition.id())) {
                throw Rejected.rule("skill " + definition.id() + " cannot require itself (a cycle)");
            }
            if (skills.find(prerequisite.skillId()).isEmpty()) {
                throw Rejected.rule("prerequisite " + prerequisite.skillId() + " is not a known skill");
            }
        }
        apply(new SkillDefined(definition.id(), definition));
    }

    @EventSourcingHandler
    void on(SkillDefined event) {
        skillId = event.skillId();
    }
}
