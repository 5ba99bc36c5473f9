package app.characters.query.character;

import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterStatus;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Visibility;
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

/** A character as it is now: the columns the lists filter on, and the whole sheet as JSON. */
@Entity
@Table(name = "character_summary")
public class CharacterRow {

    @Id
    private UUID id;
    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Race race;
    @Enumerated(EnumType.STRING)
    @Column(name = "character_class", nullable = false)
    private CharacterClass characterClass;
    @Column(nullable = false)
    private int level;
    @Column(nullable = false)
    private long experience;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CharacterStatus status;
    @Column(nullable = false)
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String state;

    protected CharacterRow() {
    }

    CharacterRow(UUID id) {
        this.id = id;
    }

    public UUID getId() {
        return id;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public CharacterStatus getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }

    public String getState() {
        return state;
    }

    void update(app.characters.kernel.character.CharacterSheet sheet, String json) {
        ownerId = sheet.ownerId();
        name = sheet.name();
        race = sheet.race();
        characterClass = sheet.characterClass();
        level = sheet.level();
        experience = sheet.experience();
        visibility = sheet.visibility();
        status = sheet.status();
        version = sheet.version();
        createdAt = sheet.createdAt();
        updatedAt = sheet.updatedAt();
        state = json;
    }
}
