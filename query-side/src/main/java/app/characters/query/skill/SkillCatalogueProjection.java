package app.characters.query.skill;

import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.skill.SkillMessages.FindSkill;
import app.characters.kernel.skill.SkillMessages.ListSkills;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import app.characters.kernel.skill.SkillMessages.SkillPage;
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

/** The skill catalogue as a table, and its reads. */
@Component
@ProcessingGroup(SkillCatalogueProjection.GROUP)
class SkillCatalogueProjection {

    static final String GROUP = "skills";

    /** The prerequisites column's JSON as the entity reads it back, with the mapper of Hibernate's JSON type. */
    private static final ObjectWriter PREREQUISITES = new ObjectMapper().findAndRegisterModules().writer();

    private final JdbcTemplate jdbc;
    private final SkillRowRepository skills;

    SkillCatalogueProjection(JdbcTemplate jdbc, SkillRowRepository skills) {
        this.jdbc = jdbc;
        this.skills = skills;
    }

    /** One statement, in the transaction of the event's unit of work; a skill already there (a redelivery) stays. */
    @EventHandler
    void on(SkillDefined event, @Timestamp Instant occurredAt) throws JsonProcessingException {
        SkillDefinition skill = event.definition();
        jdbc.update("""
                insert into skill (id, name, category, min_level, prerequisites, defined_at)
                values (?, ?, ?, ?, ?::jsonb, ?) on conflict (id) do nothing""", skill.id(), skill.name(),
                skill.category().name(), skill.minLevel(), PREREQUISITES.writeValueAsString(skill.prerequisites()),
                java.sql.Timestamp.from(occurredAt));
    }

    @QueryHandler
    public SkillPage list(ListSkills query) {
        PageRequest pageable = PageRequest.of(query.page().page(), query.page().size(), Sort.by("id"));
        Page<SkillRow> page = query.category() == null ? skills.findAll(pageable)
                : skills.findByCategory(query.category(), pageable);
        return new SkillPage(page.getContent().stream().map(SkillRow::toDefinition).toList(), query.page().page(),
                query.page().size(), page.getTotalElements());
    }

    @QueryHandler
    public SkillDefinition find(FindSkill query) {
        return skills.findById(query.skillId()).map(SkillRow::toDefinition)
                .orElseThrow(() -> Rejected.notFound("skill " + query.skillId() + " not found"));
    }
}
