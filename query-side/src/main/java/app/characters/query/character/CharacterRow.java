package app.characters.query.character;

import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterStatus;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Visibility;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    @OneToMany(mappedBy = "character", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ItemRow> items = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "character_skill", joinColumns = @JoinColumn(name = "character_id"))
    @MapKeyColumn(name = "skill_id")
    @Column(name = "proficiency")
    @Enumerated(EnumType.STRING)
    private Map<String, Proficiency> skills = new HashMap<>();

    protected CharacterRow() {
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

    public List<ItemRow> getItems() {
        return items;
    }

    public Map<String, Proficiency> getSkills() {
        return skills;
    }
}
