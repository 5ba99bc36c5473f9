package app.characters.kernel.template;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.LearnedSkill;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.PageRequest;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Templates: a character's build saved under a name, to start new characters from. */
public final class TemplateMessages {

    private TemplateMessages() {
    }

    public record SaveTemplate(@TargetAggregateIdentifier UUID templateId, UUID characterId, UUID actorId,
                               String name, Visibility visibility) {
    }

    @Revision("1")
    public record TemplateSaved(UUID templateId, UUID ownerId, UUID sourceCharacterId, String name,
                                Visibility visibility, Race race, CharacterClass characterClass,
                                Attributes attributes, List<LearnedSkill> skills, List<Item> equipment) {
        public TemplateSaved {
            skills = skills == null ? List.of() : List.copyOf(skills);
            equipment = equipment == null ? List.of() : List.copyOf(equipment);
        }
    }

    public record FindTemplate(UUID templateId, UUID viewerId) {
    }

    public record ListTemplates(UUID viewerId, PageRequest page) {
    }

    public record TemplateView(UUID id, String name, Race race, CharacterClass characterClass, Attributes attributes,
                               List<LearnedSkill> skills, List<Item> equipment, Visibility visibility,
                               UUID ownerId) {
    }

    public record TemplatePage(List<TemplateView> items, int page, int size, long total) {
    }
}
