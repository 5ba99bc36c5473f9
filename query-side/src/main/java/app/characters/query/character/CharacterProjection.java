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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Folds each character event into the current character row and appends the version it makes.
 * Everything written comes from the event (its time, its sequence number), so a replay writes
 * the same rows; an event already applied is skipped, so a redelivery changes nothing.
 * <p>
 * The rows are written with plain JDBC when the unit of work that delivers the events commits
 * ({@link CharacterWrites}): a live change writes its rows in its own transaction as before, while a
 * rebuild or a streaming batch of a thousand events writes them a statement a kind of row.
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
    private static final String WRITES = CharacterWrites.class.getName();

    private final JdbcTemplate jdbc;
    private final SheetJson json;
    private final boolean refuseGaps;
    private final CommittedSheets committed;

    CharacterProjection(JdbcTemplate jdbc, SheetJson json, CommittedSheets committed,
                        @Value("${app.projections.mode:subscribing}") String mode) {
        this.jdbc = jdbc;
        this.json = json;
        this.refuseGaps = "streaming".equalsIgnoreCase(mode);
        this.committed = refuseGaps ? null : committed;
    }

    @EventHandler
    void on(CharacterEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt,
            @MetaDataValue("actorId") String actorId) {
        boolean inUnitOfWork = CurrentUnitOfWork.isStarted();
        CharacterWrites writes = inUnitOfWork ? writesOf(CurrentUnitOfWork.get()) : new CharacterWrites(jdbc, json);
        long version = sequence + 1;
        Optional<CharacterWrites.Pending> current = writes.find(event.characterId(), version);
        long applied = current.map(CharacterWrites.Pending::version).orElse(0L);
        if (refuseGaps && version > applied + 1) {
            throw new IllegalStateException("character " + event.characterId() + " is at version " + applied
                    + " in the read tables; version " + version + " would skip " + (version - applied - 1));
        }
        CharacterSheet sheet;
        if (event instanceof CharacterCreated created) {
            if (current.isPresent()) {
                return;
            }
            sheet = CharacterSheet.created(created, occurredAt);
        } else {
            if (current.isEmpty() || applied >= version) {
                return;
            }
            sheet = current.get().sheet().apply(event, occurredAt);
        }
        UUID actor = actorId == null ? sheet.ownerId() : UUID.fromString(actorId);
        writes.save(sheet, event.getClass().getSimpleName(), occurredAt, actor, EventSummaries.of(event),
                touchesItems(event), touchesSkills(event));
        if (!inUnitOfWork) {
            writes.flush();
        }
    }

    /** The writes of this unit of work, flushed as it prepares to commit (inside its transaction). */
    private CharacterWrites writesOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(WRITES, key -> {
            VersionLoad load = unitOfWork.getResource(VersionLoad.RESOURCE);
            CommittedSheets kept = load == null ? committed : null;
            CharacterWrites writes = new CharacterWrites(jdbc, json, load, kept);
            if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
                // the characters whose first event here does not fold over a sheet kept in memory (a batch of live
                // changes, committed together, mostly does)
                Set<UUID> seen = new HashSet<>();
                List<UUID> ids = new ArrayList<>();
                for (Message<?> message : batch.getMessages()) {
                    if (message.getPayload() instanceof CharacterEvent event && seen.add(event.characterId())
                            && !(kept != null && message instanceof DomainEventMessage<?> domain
                                    && kept.before(event.characterId(), domain.getSequenceNumber() + 1) != null)) {
                        ids.add(event.characterId());
                    }
                }
                writes.prefetch(ids);
            }
            unitOfWork.onPrepareCommit(u -> writes.flush());
            return writes;
        });
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
