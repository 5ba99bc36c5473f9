package app.characters.infra.axon;

import app.characters.command.character.CharacterAggregate;
import java.util.concurrent.Executor;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of characters, taken from the character the committed change left in the aggregate cache rather than by
 * reading its events back from the store and folding them again, as Axon's snapshotter does: that read and fold cost
 * as much CPU as every event's first fold, on the write path's two cores.
 *
 * <p>The copy is taken on the thread of the change that asked for the snapshot, once its transaction committed
 * (or, for a threshold crossed while loading, when its unit of work ends) and while that thread still holds the
 * character: the cached character is then exactly what the store holds up to its version, and the events of a change
 * that rolled back are never in it, since a rollback removes the character from the cache. A character's state is an
 * immutable sheet, so the copy is taken by reference and stored on the snapshot thread. A character that is not in
 * the cache (evicted, or rolled back) is snapshotted the way Axon does it; a retired one, as by Axon, not at all.
 */
final class CachedCharacterSnapshots implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(CachedCharacterSnapshots.class);

    private final Cache cache;
    private final AggregateModel<CharacterAggregate> model;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final Executor executor;
    private final Snapshotter replaying;

    /**
     * @param replaying takes the snapshots of characters that are not in the cache, from the store
     */
    CachedCharacterSnapshots(Cache cache, AggregateModel<CharacterAggregate> model, EventStore eventStore,
                             TransactionManager transactions, Executor executor, Snapshotter replaying) {
        this.cache = cache;
        this.model = model;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.executor = executor;
        this.replaying = replaying;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            CurrentUnitOfWork.get().afterCommit(u -> take(aggregateType, aggregateIdentifier));
        } else {
            take(aggregateType, aggregateIdentifier);
        }
    }

    private void take(Class<?> aggregateType, String aggregateIdentifier) {
        AggregateCacheEntry<CharacterAggregate> entry = cache.get(aggregateIdentifier);
        EventSourcedAggregate<CharacterAggregate> cached = entry == null ? null
                : entry.recreateAggregate(model, eventStore, NoSnapshotTriggerDefinition.INSTANCE);
        if (aggregateType != CharacterAggregate.class || cached == null || cached.version() == null) {
            replaying.scheduleSnapshot(aggregateType, aggregateIdentifier);
            return;
        }
        if (cached.isDeleted()) {
            return;
        }
        GenericDomainEventMessage<CharacterAggregate> snapshot = new GenericDomainEventMessage<>(
                cached.type(), aggregateIdentifier, cached.version(), cached.getAggregateRoot().copy());
        executor.execute(() -> {
            try {
                transactions.executeInTransaction(() -> eventStore.storeSnapshot(snapshot));
            } catch (RuntimeException failure) {
                log.warn("Could not store the snapshot of character {} at version {}", aggregateIdentifier,
                        snapshot.getSequenceNumber() + 1, failure);
            }
        });
    }
}
