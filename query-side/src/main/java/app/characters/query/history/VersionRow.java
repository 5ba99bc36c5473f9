package app.characters.query.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a character: the event that made it and, for one version in sixteen, the whole state after it
 * (null for the others, whose states the reads fold from the nearest stored one).
 */
@Entity
@Table(name = "character_version")
@IdClass(VersionRow.Key.class)
public class VersionRow {

    @Id
    @Column(name = "character_id")
    private UUID characterId;
    @Id
    private long version;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "actor_id")
    private UUID actorId;
    @Column(nullable = false)
    private String summary;
    @JdbcTypeCode(SqlTypes.JSON)
    private String state;

    protected VersionRow() {
    }

    public UUID getCharacterId() {
        return characterId;
    }

    public long getVersion() {
        return version;
    }

    public String getEventType() {
        return eventType;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getActorId() {
        return actorId;
    }

    public String getSummary() {
        return summary;
    }

    public String getState() {
        return state;
    }

    /** The primary key: a character and one of its versions. */
    public static class Key implements Serializable {
        private UUID characterId;
        private long version;

        public Key() {
        }

        public Key(UUID characterId, long version) {
            this.characterId = characterId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version
                    && java.util.Objects.equals(characterId, key.characterId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(characterId, version);
        }
    }
}
