package app.characters.query.skill;

import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.common.Rejected;
import app.characters.kernel.skill.SkillMessages.FindSkill;
import app.characters.kernel.skill.SkillMessages.ListSkills;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import app.characters.kernel.skill.SkillMessages.SkillPage;
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

/** The skill catalogue as a table, and its reads. */
@Component
@ProcessingGroup(SkillCatalogueProjection.GROUP)
class SkillCatalogueProjection {

    static final String GROUP = "skills";

    private final EntityManager entityManager;
    private final SkillRowRepository skills;

    SkillCatalogueProjection(EntityManager entityManager, SkillRowRepository skills) {
        this.entityManager = entityManager;
        this.skills = skills;
    }

    @EventHandler
    void on(SkillDefined event, @Timestamp Instant occurredAt) {
        if (entityManager.find(SkillRow.class, event.skillId()) == null) {
            entityManager.persist(new SkillRow(event.definition(), occurredAt));
        }
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
