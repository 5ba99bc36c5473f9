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

    /**
     * Revision 2 renamed {@code total} to {@code totalExperience}; stored revision-1 events are
     * upcast on reading (see the infra module's ExperienceGainedUpcaster).
     */
    @Revision("2")
    record ExperienceGained(UUID characterId, long amount, String reason, long totalExperience, int level)
            implements CharacterEvent {
    }

    @Revision("1")
    record VisibilityChanged(UUID characterId, Visibility visibility) implements CharacterEvent {
    }

    @Revision("1")
    record CharacterRetired(UUID characterId) implements CharacterEvent {
    }

    /** A new item in the character's pack, never equipped yet. */
    @Revision("1")
    record ItemAcquired(UUID characterId, Item item) implements CharacterEvent {
    }

    /** An item put in its slot; the item that was there, if any, came off in the same change. */
    @Revision("1")
    record ItemEquipped(UUID characterId, UUID itemId, ItemType.Slot slot, UUID replacedItemId)
            implements CharacterEvent {
    }

    @Revision("1")
    record ItemUnequipped(UUID characterId, UUID itemId) implements CharacterEvent {
    }

    @Revision("1")
    record ItemDropped(UUID characterId, UUID itemId) implements CharacterEvent {
    }

    /** A skill learned, at NOVICE. */
    @Revision("1")
    record SkillLearned(UUID characterId, String skillId) implements CharacterEvent {
    }

    /** A skill raised exactly one step. */
    @Revision("1")
    record SkillImproved(UUID characterId, String skillId, Proficiency proficiency) implements CharacterEvent {
    }

    /**
     * The character set back to what it was at an earlier version: everything the player can change,
     * carried whole so that the fold needs nothing but this event.
     */
    @Revision("1")
    record CharacterReverted(UUID characterId, long toVersion, String name, Attributes attributes, long experience,
                             int level, Visibility visibility, List<Item> equipment, List<LearnedSkill> skills)
            implements CharacterEvent {
        public CharacterReverted {
            equipment = equipment == null ? List.of() : List.copyOf(equipment);
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }
}
