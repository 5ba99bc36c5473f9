package app.characters.query.template;

import app.characters.kernel.character.Visibility;
import app.characters.kernel.template.TemplateMessages.TemplateView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "character_template")
class TemplateRow {

    @Id
    private UUID id;
    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;
    @Column(name = "source_character_id", nullable = false)
    private UUID sourceCharacterId;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private TemplateView content;

    protected TemplateRow() {
    }

    UUID getOwnerId() {
        return ownerId;
    }

    Visibility getVisibility() {
        return visibility;
    }

    TemplateView getContent() {
        return content;
    }
}
