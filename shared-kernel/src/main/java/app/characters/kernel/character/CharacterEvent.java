package app.characters.kernel.character;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** All that can happen to a character. Once stored, an event is forever. */
public sealed interface CharacterEvent {

    UUID characterId();

    @Revision("1")
    record CharacterCreated(UUID characterId, UUID ownerId, String name, Race race, CharacterClass characterClass,
                            Attributes attributes, UUID createdFromTemplate, List<Item> equipment,
                            List<LearnedSkill> skills) implements CharacterEvent {
        public CharacterCreated {
            equipment = equipment == null ? List.of() : List.copyOf(equipment);
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    @Revision("1")
    record CharacterRenamed(UUID characterId, String name) implements CharacterEvent {
    }

    @Revision("1")
    record AttributesChanged(UUID characterId, Attributes attributes) implements CharacterEvent {
    }

    @Revision("1")
    record ExperienceGained(UUID characterId, long amount, String reason, long total, int level)
            implements CharacterEvent {
    }

    @Revision("1")
    record VisibilityChanged(UUID characterId, Visibility visibility) implements CharacterEvent {
    }

    @Revision("1")
    record CharacterRetired(UUID characterId) implements CharacterEvent {
    }
}
