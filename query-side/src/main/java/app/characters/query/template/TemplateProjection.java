package app.characters.query.template;

import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.template.TemplateMessages.FindTemplate;
import app.characters.kernel.template.TemplateMessages.ListTemplates;
import app.characters.kernel.template.TemplateMessages.TemplatePage;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import app.characters.kernel.template.TemplateMessages.TemplateView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Templates as a table: the owner's and the public ones. */
@Component
@ProcessingGroup(TemplateProjection.GROUP)
class TemplateProjection {

    static final String GROUP = "templates";

    /**
     * The content column's JSON as the entity reads it back: Hibernate's JSON type maps it with a mapper of its own,
     * Jackson's defaults with the modules found on the class path, and so is it written here.
     */
    private static final ObjectWriter CONTENT = new ObjectMapper().findAndRegisterModules().writerFor(TemplateView.class);

    private final JdbcTemplate jdbc;
    private final TemplateRowRepository templates;

    TemplateProjection(JdbcTemplate jdbc, TemplateRowRepository templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    /**
     * One statement, in the transaction of the event's unit of work; a template already there (a redelivery) stays.
     * Templates are rare among events, so a rebuild ran Hibernate's find, persist and flush for them cold, a tenth
     * of its folding thread for a quarter of a percent of its events.
     */
    @EventHandler
    void on(TemplateSaved event, @Timestamp Instant occurredAt) throws JsonProcessingException {
        TemplateView view = new TemplateView(event.templateId(), event.name(), event.race(), event.characterClass(),
                event.attributes(), event.skills(), event.equipment(), event.visibility(), event.ownerId());
        jdbc.update("""
                insert into character_template (id, owner_id, source_character_id, name, visibility, created_at, content)
                values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (id) do nothing""", view.id(), view.ownerId(),
                event.sourceCharacterId(), view.name(), view.visibility().name(), java.sql.Timestamp.from(occurredAt),
                CONTENT.writeValueAsString(view));
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
