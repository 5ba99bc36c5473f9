package app.characters.query.character;

import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterReverted;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.ItemUnequipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterSheet;
import app.characters.query.history.EventSummaries;
import app.characters.query.history.VersionRow;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Folds each character event into the current character row and appends the version it makes.
 * Everything written comes from the event (its time, its sequence number), so a replay writes
 * the same rows; an event already applied is skipped, so a redelivery changes nothing.
 * <p>
 * Streaming, the projection also refuses an event more than one version past the row: folding it over the
 * missing one would corrupt the state for good, while refused it waits in the dead-letter queue, with the
 * character's later events behind it, until the gap is filled and the letters are retried. Subscribing, it
 * runs in the transaction that appends the event, so a refusal would refuse the change itself; there it
 * folds as it always has.
 */
@Component
@ProcessingGroup(CharacterProjection.GROUP)
class CharacterProjection {

    static final String GROUP = "characters";

    private final EntityManager entityManager;
    private final SheetJson json;
    private final boolean refuseGaps;

    CharacterProjection(EntityManager entityManager, SheetJson json,
                        @Value("${app.projections.mode:subscribing}") String mode) {
        this.entityManager = entityManager;
        this.json = json;
        this.refuseGaps = "streaming".equalsIgnoreCase(mode);
    }

    @EventHandler
    void on(CharacterEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt,
            @MetaDataValue("actorId") String actorId) {
        long version = sequence + 1;
        CharacterRow row = entityManager.find(CharacterRow.class, event.characterId());
        long applied = row == null ? 0 : row.getVersion();
        if (refuseGaps && version > applied + 1) {
            throw new IllegalStateException("character " + event.characterId() + " is at version " + applied
                    + " in the read tables; version " + version + " would skip " + (version - applied - 1));
        }
        CharacterSheet sheet;
        if (event instanceof CharacterCreated created) {
            if (row != null) {
                return;
            }
            sheet = CharacterSheet.created(created, occurredAt);
            row = new CharacterRow(created.characterId());
        } else {
            if (row == null || row.getVersion() >= version) {
                return;
            }
            sheet = json.read(row.getState()).apply(event, occurredAt);
        }
        String state = json.write(sheet);
        row.update(sheet, state);
        if (touchesItems(event)) {
            row.syncItems(sheet.equipment());
        }
        if (touchesSkills(event)) {
            row.syncSkills(sheet.skills());
        }
        if (event instanceof CharacterCreated) {
            entityManager.persist(row);
        }
        UUID actor = actorId == null ? sheet.ownerId() : UUID.fromString(actorId);
        entityManager.persist(new VersionRow(sheet.id(), version, event.getClass().getSimpleName(), occurredAt,
                actor, EventSummaries.of(event), state));
    }

    private static boolean touchesItems(CharacterEvent event) {
        return event instanceof CharacterCreated || event instanceof ItemAcquired || event instanceof ItemEquipped
                || event instanceof ItemUnequipped || event instanceof ItemDropped || event instanceof CharacterReverted;
    }

    private static boolean touchesSkills(CharacterEvent event) {
        return event instanceof CharacterCreated || event instanceof SkillLearned || event instanceof SkillImproved
                || event instanceof CharacterReverted;
    }
}
