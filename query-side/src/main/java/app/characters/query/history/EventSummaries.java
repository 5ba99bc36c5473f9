package app.characters.query.history;

import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
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
        return event.getClass().getSimpleName();
    }
}
