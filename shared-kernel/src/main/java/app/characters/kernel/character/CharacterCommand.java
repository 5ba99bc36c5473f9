package app.characters.kernel.character;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a client may ask of a character. {@code actorId} is who asks; {@code expectedVersion},
 * when not null, is the version the client last saw (If-Match).
 */
public sealed interface CharacterCommand {

    UUID characterId();

    record CreateCharacter(@TargetAggregateIdentifier UUID characterId, UUID ownerId, String name, Race race,
                           CharacterClass characterClass, Attributes attributes, UUID templateId,
                           List<Item> equipment, List<LearnedSkill> skills) implements CharacterCommand {
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

    record RetireCharacter(@TargetAggregateIdentifier UUID characterId, UUID actorId, Long expectedVersion)
            implements Change {
    }
}
