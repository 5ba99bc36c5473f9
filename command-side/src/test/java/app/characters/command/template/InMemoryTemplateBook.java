package app.characters.command.template;

import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Saved templates as a map, for aggregate tests: same lookups as {@link TemplateBook}, no event store. */
public class InMemoryTemplateBook extends TemplateBook {

    private final Map<UUID, TemplateSaved> templates = new HashMap<>();

    public InMemoryTemplateBook(TemplateSaved... saved) {
        super(null);
        for (TemplateSaved template : saved) {
            templates.put(template.templateId(), template);
        }
    }

    @Override
    public Optional<TemplateSaved> find(UUID templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }
}
