package app.characters.kernel.character;

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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The whole state of a character after an event: what the API shows and what each version holds.
 * It is a pure fold of the character's events, so the write side and every projection agree on it.
 */
public record CharacterSheet(UUID id, UUID ownerId, String name, Race race, CharacterClass characterClass,
                             Attributes attributes, Attributes effectiveAttributes, long experience, int level,
                             Visibility visibility, CharacterStatus status, List<Item> equipment,
                             List<LearnedSkill> skills, UUID createdFromTemplate, long version,
                             Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME_LENGTH = 64;

    public CharacterSheet {
        equipment = List.copyOf(equipment);
        skills = List.copyOf(skills);
        effectiveAttributes = effective(attributes, equipment);
    }

    /** The state after the first event of a character, at version 1. */
    public static CharacterSheet created(CharacterCreated e, Instant at) {
        return new CharacterSheet(e.characterId(), e.ownerId(), e.name(), e.race(), e.characterClass(),
                e.attributes(), null, 0, 1, Visibility.PRIVATE, CharacterStatus.ACTIVE, e.equipment(),
                e.skills(), e.createdFromTemplate(), 1, at, at);
    }

    /** The state after one more event; the version rises by exactly one. */
    public CharacterSheet apply(CharacterEvent event, Instant at) {
        if (event instanceof CharacterCreated created) {
            return created(created, at);
        }
        CharacterSheet next = this;
        if (event instanceof CharacterRenamed e) {
            next = with(e.name(), attributes, experience, level, visibility, status, equipment, skills);
        } else if (event instanceof AttributesChanged e) {
            next = with(name, e.attributes(), experience, level, visibility, status, equipment, skills);
        } else if (event instanceof ExperienceGained e) {
            next = with(name, attributes, e.totalExperience(), e.level(), visibility, status, equipment, skills);
        } else if (event instanceof VisibilityChanged e) {
            next = with(name, attributes, experience, level, e.visibility(), status, equipment, skills);
        } else if (event instanceof CharacterRetired) {
            next = with(name, attributes, experience, level, visibility, CharacterStatus.RETIRED, equipment, skills);
        } else if (event instanceof ItemAcquired e) {
            next = withEquipment(append(equipment, e.item().withEquipped(false)));
        } else if (event instanceof ItemEquipped e) {
            next = withEquipment(equipment.stream()
                    .map(i -> i.id().equals(e.itemId()) ? i.withEquipped(true)
                            : i.id().equals(e.replacedItemId()) ? i.withEquipped(false) : i)
                    .toList());
        } else if (event instanceof ItemUnequipped e) {
            next = withEquipment(equipment.stream()
                    .map(i -> i.id().equals(e.itemId()) ? i.withEquipped(false) : i).toList());
        } else if (event instanceof ItemDropped e) {
            next = withEquipment(equipment.stream().filter(i -> !i.id().equals(e.itemId())).toList());
        } else if (event instanceof SkillLearned e) {
            next = withSkills(append(skills, new LearnedSkill(e.skillId(), Proficiency.NOVICE)));
        } else if (event instanceof SkillImproved e) {
            next = withSkills(skills.stream()
                    .map(s -> s.skillId().equals(e.skillId()) ? new LearnedSkill(s.skillId(), e.proficiency()) : s)
                    .toList());
        } else if (event instanceof CharacterReverted e) {
            next = with(e.name(), e.attributes(), e.experience(), e.level(), e.visibility(), status, e.equipment(),
                    e.skills());
        }
        return next.at(version + 1, at);
    }

    public boolean retired() {
        return status == CharacterStatus.RETIRED;
    }

    public boolean publiclyVisible() {
        return visibility == Visibility.PUBLIC;
    }

    public boolean isOwnedBy(UUID userId) {
        return ownerId.equals(userId);
    }

    private CharacterSheet with(String name, Attributes attributes, long experience, int level,
                                Visibility visibility, CharacterStatus status, List<Item> equipment,
                                List<LearnedSkill> skills) {
        return new CharacterSheet(id, ownerId, name, race, characterClass, attributes, null, experience, level,
                visibility, status, equipment, skills, createdFromTemplate, version, createdAt, updatedAt);
    }

    private CharacterSheet withEquipment(List<Item> items) {
        return with(name, attributes, experience, level, visibility, status, items, skills);
    }

    private CharacterSheet withSkills(List<LearnedSkill> learned) {
        return with(name, attributes, experience, level, visibility, status, equipment, learned);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new java.util.ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    private CharacterSheet at(long newVersion, Instant at) {
        return new CharacterSheet(id, ownerId, name, race, characterClass, attributes, null, experience, level,
                visibility, status, equipment, skills, createdFromTemplate, newVersion, createdAt, at);
    }

    private static Attributes effective(Attributes attributes, List<Item> equipment) {
        Attributes sum = attributes;
        for (Item item : equipment) {
            if (item.equipped()) {
                sum = sum.plus(item.modifiers());
            }
        }
        return sum.clamped();
    }
}
