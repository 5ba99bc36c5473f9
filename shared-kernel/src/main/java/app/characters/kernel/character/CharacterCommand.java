package app.characters.kernel.character;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a client may ask of a character. {@code actorId} is who asks; {@code expectedVersion},
 * when not null, is the version the client last saw (If-Match).
 */
public sealed interface CharacterCommand {

    UUID characterId();

    /** A new character; with a template, race, class and attributes come from it and must be null. */
    record CreateCharacter(@TargetAggregateIdentifier UUID characterId, UUID ownerId, String name, Race race,
                           CharacterClass characterClass, Attributes attributes, UUID templateId)
            implements CharacterCommand {
    }

    /** A change to an existing character. */
    sealed interface Change extends CharacterCommand {
        UUID actorId();

        Long expectedVersion();
    }

    record RenameCharacter(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                           String name) implements Change {
    }

    record ChangeAttributes(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                            AttributeChanges changes) implements Change {
    }

    record GainExperience(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                          long amount, String reason) implements Change {
    }

    record ChangeVisibility(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                            Visibility visibility) implements Change {
    }

    record AcquireItem(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                       Item item) implements Change {
    }

    record EquipItem(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion, UUID itemId)
            implements Change {
    }

    record UnequipItem(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion, UUID itemId)
            implements Change {
    }

    record DropItem(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion, UUID itemId)
            implements Change {
    }

    record LearnSkill(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                      String skillId) implements Change {
    }

    record ImproveSkill(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                        String skillId, Proficiency proficiency) implements Change {
    }

    record RevertCharacter(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion,
                           long toVersion) implements Change {
    }

    record RetireCharacter(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion)
            implements Change {
    }
}
