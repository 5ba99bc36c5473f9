package app.characters.query.template;

import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.template.TemplateMessages.FindTemplate;
import app.characters.kernel.template.TemplateMessages.ListTemplates;
import app.characters.kernel.template.TemplateMessages.TemplatePage;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import app.characters.kernel.template.TemplateMessages.TemplateView;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Templates as a table: the owner's and the public ones. */
@Component
@ProcessingGroup(TemplateProjection.GROUP)
class TemplateProjection {

    static final String GROUP = "templates";

    private final EntityManager entityManager;
    private final TemplateRowRepository templates;

    TemplateProjection(EntityManager entityManager, TemplateRowRepository templates) {
        this.entityManager = entityManager;
        this.templates = templates;
    }

    @EventHandler
    void on(TemplateSaved event, @Timestamp Instant occurredAt) {
        if (entityManager.find(TemplateRow.class, event.templateId()) == null) {
            entityManager.persist(new TemplateRow(new TemplateView(event.templateId(), event.name(), event.race(),
                    event.characterClass(), event.attributes(), event.skills(), event.equipment(), event.visibility(),
                    event.ownerId()), event.sourceCharacterId(), occurredAt));
        }
    }

    @QueryHandler
    public TemplateView find(FindTemplate query) {
        return templates.findById(query.templateId())
                .filter(t -> t.getOwnerId().equals(query.viewerId()) || t.getVisibility() == Visibility.PUBLIC)
                .map(TemplateRow::getContent)
                .orElseThrow(() -> Rejected.notFound("template " + query.templateId() + " not found"));
    }

    @QueryHandler
    public TemplatePage list(ListTemplates query) {
        Page<TemplateRow> page = templates.findVisibleTo(query.viewerId(), PageRequest.of(query.page().page(),
                query.page().size(), Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return new TemplatePage(page.getContent().stream().map(TemplateRow::getContent).toList(),
                query.page().page(), query.page().size(), page.getTotalElements());
    }
}
