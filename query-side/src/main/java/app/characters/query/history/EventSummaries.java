package app.characters.query.history;

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

/** One line a person reads in a version list. */
public final class EventSummaries {

    private EventSummaries() {
    }

    public static String of(CharacterEvent event) {
        if (event instanceof CharacterCreated e) {
            return "created " + e.name() + ", " + e.race() + " " + e.characterClass()
                    + (e.createdFromTemplate() == null ? "" : " from template " + e.createdFromTemplate());
        }
        if (event instanceof CharacterRenamed e) {
            return "renamed to " + e.name();
        }
        if (event instanceof AttributesChanged) {
            return "attributes changed";
        }
        if (event instanceof ExperienceGained e) {
            return "gained " + e.amount() + " experience (" + e.reason() + "), level " + e.level();
        }
        if (event instanceof VisibilityChanged e) {
            return "visibility set to " + e.visibility();
        }
        if (event instanceof CharacterRetired) {
            return "retired";
        }
        if (event instanceof ItemAcquired e) {
            return "acquired " + e.item().name() + " (" + e.item().rarity() + " " + e.item().type() + ")";
        }
        if (event instanceof ItemEquipped e) {
            return "equipped item " + e.itemId() + " in " + e.slot()
                    + (e.replacedItemId() == null ? "" : ", replacing " + e.replacedItemId());
        }
        if (event instanceof ItemUnequipped e) {
            return "unequipped item " + e.itemId();
        }
        if (event instanceof ItemDropped e) {
            return "dropped item " + e.itemId();
        }
        if (event instanceof SkillLearned e) {
            return "learned " + e.skillId();
        }
        if (event instanceof SkillImproved e) {
            return "improved " + e.skillId() + " to " + e.proficiency();
        }
        if (event instanceof CharacterReverted e) {
            return "reverted to version " + e.toVersion();
        }
        return event.getClass().getSimpleName();
    }
}
