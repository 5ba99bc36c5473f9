package app.characters.query.skill;

import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "skill")
class SkillRow {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SkillCategory category;
    @Column(name = "min_level", nullable = false)
    private int minLevel;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<SkillDefinition.Prerequisite> prerequisites;
    @Column(name = "defined_at", nullable = false)
    private Instant definedAt;

    protected SkillRow() {
    }

    SkillDefinition toDefinition() {
        return new SkillDefinition(id, name, category, minLevel, prerequisites);
    }
}
