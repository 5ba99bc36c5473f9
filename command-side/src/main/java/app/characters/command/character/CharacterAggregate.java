package app.characters.command.character;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.characters.command.skill.SkillBook;
import app.characters.command.template.TemplateBook;
import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterCommand.AcquireItem;
import app.characters.kernel.character.CharacterCommand.Change;
import app.characters.kernel.character.CharacterCommand.ChangeAttributes;
import app.characters.kernel.character.CharacterCommand.ChangeVisibility;
import app.characters.kernel.character.CharacterCommand.CreateCharacter;
import app.characters.kernel.character.CharacterCommand.DropItem;
import app.characters.kernel.character.CharacterCommand.EquipItem;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterCommand.ImproveSkill;
import app.characters.kernel.character.CharacterCommand.LearnSkill;
import app.characters.kernel.character.CharacterCommand.RenameCharacter;
import app.characters.kernel.character.CharacterCommand.RetireCharacter;
import app.characters.kernel.character.CharacterCommand.RevertCharacter;
import app.characters.kernel.character.CharacterCommand.UnequipItem;
import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.CharacterReverted;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.ItemUnequipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.CharacterRules;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Equipment;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.LearnedSkill;
import app.characters.kernel.character.Levels;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.Skills;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Decides every change to one character. Change handlers answer with the character as it is
 * after the change, so the caller never waits for a projection to show its own write. Its state is
 * its fields, which is also what a snapshot stores.
 */
@Aggregate(snapshotTriggerDefinition = "characterSnapshotTrigger", cache = "characterCache",
        commandTargetResolver = "characterTargets")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CharacterAggregate {

    @AggregateIdentifier
    private UUID id;
    private CharacterSheet sheet;

    protected CharacterAggregate() {
    }

    /**
     * This character as it is now, in an instance of its own: what a snapshot stores. Its state is an immutable sheet,
     * so the copy can be stored on another thread while this one goes on changing.
     */
    public CharacterAggregate copy() {
        CharacterAggregate copy = new CharacterAggregate();
        copy.id = id;
        copy.sheet = sheet;
        return copy;
    }

    @CommandHandler
    public CharacterAggregate(CreateCharacter command, TemplateBook templates) {
        String name = CharacterRules.name(command.name());
        if (command.templateId() == null) {
            CharacterRules.requireValid(command.attributes());
            if (command.race() == null || command.characterClass() == null) {
                throw new IllegalArgumentException("race and class are required");
            }
            apply(new CharacterCreated(command.characterId(), command.ownerId(), name, command.race(),
                    command.characterClass(), command.attributes(), null, List.of(), List.of()));
            return;
        }
        TemplateSaved template = templates.find(command.templateId())
                .filter(t -> t.ownerId().equals(command.ownerId()) || t.visibility() == Visibility.PUBLIC)
                .orElseThrow(() -> Rejected.notFound("template " + command.templateId() + " not found"));
        List<Item> items = template.equipment().stream()
                .map(i -> new Item(UUID.randomUUID(), i.name(), i.type(), i.rarity(), i.weight(), i.statModifiers(), false))
                .toList();
        apply(new CharacterCreated(command.characterId(), command.ownerId(), name, template.race(),
                template.characterClass(), template.attributes(), template.templateId(), items, template.skills()));
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
    public CharacterSheet handle(AcquireItem command) {
        Item item = command.item();
        if (item == null || item.name() == null || item.name().isBlank() || item.type() == null || item.rarity() == null
                || item.weight() < 0 || item.weight() > Equipment.MAX_WEIGHT
                || Equipment.checkModifiers(item.statModifiers()).isPresent()) {
            throw new IllegalArgumentException("the item is not acceptable");
        }
        guard(command);
        if (sheet.equipment().size() >= Equipment.MAX_ITEMS) {
            throw Rejected.rule("a character carries at most " + Equipment.MAX_ITEMS + " items");
        }
        if (Equipment.find(sheet.equipment(), item.id()).isPresent()) {
            throw Rejected.conflict("item " + item.id() + " is carried already");
        }
        apply(new ItemAcquired(id, item.withEquipped(false)));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(EquipItem command) {
        guard(command);
        Item item = carried(command.itemId());
        ItemType.Slot slot = item.type().slot().orElseThrow(() ->
                Rejected.rule(item.type() + " items cannot be equipped"));
        if (item.equipped()) {
            throw Rejected.rule("item " + item.id() + " is equipped already");
        }
        UUID replaced = Equipment.inSlot(sheet.equipment(), slot).map(Item::id).orElse(null);
        apply(new ItemEquipped(id, item.id(), slot, replaced));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(UnequipItem command) {
        guard(command);
        Item item = carried(command.itemId());
        if (!item.equipped()) {
            throw Rejected.rule("item " + item.id() + " is not equipped");
        }
        apply(new ItemUnequipped(id, item.id()));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(DropItem command) {
        guard(command);
        Item item = carried(command.itemId());
        apply(new ItemDropped(id, item.id()));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(LearnSkill command, SkillBook skills) {
        guard(command);
        SkillDefinition skill = skills.find(command.skillId())
                .orElseThrow(() -> Rejected.rule("skill " + command.skillId() + " is not in the catalogue"));
        if (Skills.find(sheet.skills(), skill.id()).isPresent()) {
            throw Rejected.rule("skill " + skill.id() + " is learned already");
        }
        List<String> missing = Skills.missingFor(skill, sheet.level(), sheet.skills());
        if (!missing.isEmpty()) {
            throw Rejected.rule("cannot learn " + skill.id() + " yet, it needs " + String.join(", ", missing));
        }
        apply(new SkillLearned(id, skill.id()));
        return sheet;
    }

    @CommandHandler
    public CharacterSheet handle(ImproveSkill command) {
        guard(command);
        LearnedSkill known = Skills.find(sheet.skills(), command.skillId())
                .orElseThrow(() -> Rejected.rule("skill " + command.skillId() + " is not learned"));
        if (!known.proficiency().isNextStep(command.proficiency())) {
            throw Rejected.rule("proficiency rises one step at a time: from " + known.proficiency()
                    + " the next is " + known.proficiency().next().map(Enum::name).orElse("none (already MASTER)"));
        }
        apply(new SkillImproved(id, known.skillId(), command.proficiency()));
        return sheet;
    }

    /** Sets the character back to what it was at an earlier version, as one new version. */
    @CommandHandler
    public CharacterSheet handle(RevertCharacter command, EventStore eventStore) {
        guard(command);
        if (command.toVersion() < 1 || command.toVersion() > sheet.version()) {
            throw Rejected.notFound("character " + id + " has no version " + command.toVersion());
        }
        CharacterSheet target = stateAt(eventStore, command.toVersion());
        apply(new CharacterReverted(id, command.toVersion(), target.name(), target.attributes(), target.experience(),
                target.level(), target.visibility(), target.equipment(), target.skills()));
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

    /** The character as a viewer may see it: any for its owner, a public one for others, not once retired. */
    public CharacterSheet sheetFor(UUID viewerId) {
        if (sheet.isOwnedBy(viewerId)) {
            return sheet;
        }
        if (!sheet.publiclyVisible()) {
            throw Rejected.notFound("character " + id + " not found");
        }
        if (sheet.retired()) {
            throw Rejected.gone("character " + id + " is retired");
        }
        return sheet;
    }

    private CharacterSheet stateAt(EventStore eventStore, long version) {
        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(id.toString(), 0).asStream().limit(version).toList();
        CharacterSheet state = null;
        for (DomainEventMessage<?> message : events) {
            CharacterEvent event = (CharacterEvent) message.getPayload();
            state = state == null ? CharacterSheet.created((CharacterCreated) event, message.getTimestamp())
                    : state.apply(event, message.getTimestamp());
        }
        return state;
    }

    private Item carried(UUID itemId) {
        return Equipment.find(sheet.equipment(), itemId)
                .orElseThrow(() -> Rejected.notFound("item " + itemId + " not found on character " + id));
    }

    /** Only the owner changes a character, never once retired, and only at the version the client saw. */
    private void guard(Change command) {
        if (!sheet.isOwnedBy(command.actorId())) {
            if (!sheet.publiclyVisible()) {
                throw Rejected.notFound("character " + id + " not found");
            }
            if (sheet.retired()) {
                // others can no longer see it, so they are told it is gone rather than that it is not theirs
                throw Rejected.gone("character " + id + " is retired");
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
