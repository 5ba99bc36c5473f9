package app.characters.query.character;

import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.Rarity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An item in the read model; it knows the character that carries it. */
@Entity
@Table(name = "character_item")
public class ItemRow {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "character_id")
    private CharacterRow character;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Rarity rarity;
    @Column(nullable = false)
    private double weight;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stat_modifiers", nullable = false)
    private Map<String, Integer> statModifiers;
    @Column(nullable = false)
    private boolean equipped;
    @Column(nullable = false)
    private int position;

    protected ItemRow() {
    }

    public UUID getId() {
        return id;
    }

    public CharacterRow getCharacter() {
        return character;
    }

    public Item toItem() {
        return new Item(id, name, type, rarity, weight, statModifiers, equipped);
    }
}
