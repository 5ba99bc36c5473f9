package app.characters.command.character;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterCommand.ChangeAttributes;
import app.characters.kernel.character.CharacterCommand.ChangeVisibility;
import app.characters.kernel.character.CharacterCommand.Change;
import app.characters.kernel.character.CharacterCommand.CreateCharacter;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterCommand.RenameCharacter;
import app.characters.kernel.character.CharacterCommand.RetireCharacter;
import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.CharacterRules;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Levels;
import app.characters.kernel.common.Rejected;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Decides every change to one character. Change handlers answer with the character as it is
 * after the change, so the caller never waits for a projection to show its own write.
 */
@Aggregate
public class CharacterAggregate {

    @AggregateIdentifier
    private UUID id;
    private CharacterSheet sheet;

    protected CharacterAggregate() {
    }

    @CommandHandler
    public CharacterAggregate(CreateCharacter command) {
        CharacterRules.requireValid(command.attributes());
        apply(new CharacterCreated(command.characterId(), command.ownerId(), CharacterRules.name(command.name()),
                command.race(), command.characterClass(), command.attributes(), command.templateId(),
                command.equipment(), command.skills()));
    }

    @CommandHandler
    public CharacterSheet handle(RenameCharacter command) {
        String name = CharacterRules.name(command.name());
        guard(command);
        apply(new CharacterRenamed(id, name));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(ChangeAttributes command) {
        if (command.changes() == null || command.changes().none()) {
            throw new IllegalArgumentException("name at least one attribute to change");
        }
        guard(command);
        Attributes attributes = command.changes().applyTo(sheet.attributes());
        CharacterRules.requireValid(attributes);
        apply(new AttributesChanged(id, attributes));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(GainExperience command) {
        CharacterRules.requireValidExperience(command.amount(), command.reason());
        guard(command);
        long total = Math.addExact(sheet.experience(), command.amount());
        apply(new ExperienceGained(id, command.amount(), command.reason().strip(), total, Levels.levelFor(total)));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(ChangeVisibility command) {
        guard(command);
        apply(new VisibilityChanged(id, command.visibility()));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(RetireCharacter command) {
        guard(command);
        apply(new CharacterRetired(id));
        return sheet;
    }

    @EventSourcingHandler
    void on(CharacterEvent event, @Timestamp Instant occurredAt) {
        if (event instanceof CharacterCreated created) {
            id = created.characterId();
            sheet = CharacterSheet.created(created, occurredAt);
        } else {
            sheet = sheet.apply(event, occurredAt);
        }
    }

    /** Only the owner changes a character, never once retired, and only at the version the client saw. */
    private void guard(Change command) {
        if (!sheet.isOwnedBy(command.actorId())) {
            if (!sheet.publiclyVisible()) {
                throw Rejected.notFound("character " + id + " not found");
            }
            throw Rejected.forbidden("only the owner may change character " + id);
        }
        if (sheet.retired()) {
            throw Rejected.conflict("character " + id + " is retired and accepts no changes");
        }
        if (command.expectedVersion() != null && command.expectedVersion() != sheet.version()) {
            throw Rejected.versionMismatch(command.expectedVersion(), sheet.version());
        }
    }
}
