package app.characters.command.template;

import app.characters.command.character.CharacterAggregate;
import app.characters.kernel.character.CharacterRules;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.template.TemplateMessages.SaveTemplate;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Saves a character's build as a template. The character only lends its state: no event is
 * applied to it, so its version stays.
 */
@Component
class TemplateCommandHandler {

    private final Repository<CharacterAggregate> characters;
    private final Repository<TemplateAggregate> templates;

    TemplateCommandHandler(Repository<CharacterAggregate> characters, Repository<TemplateAggregate> templates) {
        this.characters = characters;
        this.templates = templates;
    }

    @CommandHandler
    UUID handle(SaveTemplate command) throws Exception {
        String name = CharacterRules.name(command.name());
        CharacterSheet sheet = characters.load(command.characterId().toString())
                .invoke(character -> character.sheetFor(command.actorId()));
        if (!sheet.isOwnedBy(command.actorId())) {
            throw sheet.publiclyVisible() ? Rejected.forbidden("only the owner may save character "
                    + sheet.id() + " as a template") : Rejected.notFound("character " + sheet.id() + " not found");
        }
        templates.newInstance(() -> new TemplateAggregate(new TemplateSaved(command.templateId(), command.actorId(),
                sheet.id(), name, command.visibility(), sheet.race(), sheet.characterClass(), sheet.attributes(),
                sheet.skills(), sheet.equipment().stream().map(i -> i.withEquipped(false)).toList())));
        return command.templateId();
    }
}
