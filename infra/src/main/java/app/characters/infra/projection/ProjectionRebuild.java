package app.characters.infra.projection;

import app.characters.infra.database.JdbcTransactions;
import app.characters.infra.eventstore.AppendLock;
import app.characters.infra.eventstore.EventTimes;
import app.characters.infra.eventstore.StoredEvent;
import app.characters.infra.eventstore.StoredEvents;
import app.characters.infra.progress.Progress;
import app.characters.kernel.account.AccountMessages.UserRegistered;
import app.characters.query.character.VersionLoad;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read tables from the events: empties them, then feeds every stored event, in global
 * index order, to the very handlers the live projections run (each event processor's
 * {@link EventHandlerInvoker}), a batch of events a transaction. The projections take everything from
 * the event (times, ids, order), so the rebuilt rows equal the live ones. The version rows, most of what
 * a rebuild writes, go by one COPY on a connection of their own ({@link VersionLoad}), which PostgreSQL
 * stores while the next batches are folded; they are committed last.
 *
 * <p>Account claims (the usernames and emails taken) are write-side state, but they too follow from
 * the events alone: a restore rebuilds them with the read tables.
 */
@Component
public class ProjectionRebuild {

    /**
     * Every table the projections write. Login sessions, reset tokens and the like are not events and
     * are not here; neither are the account claims, which are write-side state.
     */
    static final List<String> READ_TABLES = List.of("character_item", "character_skill", "character_summary",
            "character_version", "user_account", "skill", "character_template");
    static final int BATCH = 1_000;
    private static final int READ_AHEAD = 4;
    private static final ResultMessage<Void> HANDLED = GenericResultMessage.asResultMessage((Object) null);

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final Clock clock;
    private volatile List<EventHandlerInvoker> invokers;
    private final Map<Class<?>, List<EventHandlerInvoker>> invokersByType = new ConcurrentHashMap<>();

    ProjectionRebuild(DataSource dataSource, JdbcTransactions transactions, JdbcTemplate jdbc, Configuration axon,
                      Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions.template();
        this.jdbc = jdbc;
        this.axon = axon;
        this.clock = clock;
    }

    /** What a rebuild did. */
    public record Rebuilt(long events, Duration elapsed) {
    }

    /**
     * Empties the read tables (and with {@code withAccountClaims} the claims) and replays every event.
     * Commands wait while it runs, so that no event slips between the replay and the live projections; reads of
     * version history wait too, the version load holding its table. Streaming projection nodes are to be stopped
     * first: one still writing a row the rebuild writes fails it after the lock timeout.
     */
    public Rebuilt rebuild(boolean withAccountClaims, Progress progress) {
        Instant started = clock.instant();
        try {
            long events = AppendLock.whileNoAppendInFlight(dataSource, () -> {
                transactions.executeWithoutResult(tx -> {
                    jdbc.execute("truncate " + String.join(", ", READ_TABLES));
                    if (withAccountClaims) {
                        jdbc.execute("truncate account_claim");
                    }
                });
                try {
                    return replayAll(withAccountClaims, progress);
                } catch (Exception e) {
                    throw new IllegalStateException("the rebuild of the read tables failed, which leaves them incomplete "
                            + "until a rebuild completes: " + e.getMessage(), e);
                }
            });
            return new Rebuilt(events, Duration.between(started, clock.instant()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the rebuild of the read tables failed: " + e.getMessage(), e);
        }
    }

    /**
     * Folds every event into the read tables. A thread of its own reads the events and deserializes them, a few
     * batches ahead of the folding, which (with the version rows' own COPY) keeps both cores and PostgreSQL busy.
     */
    private long replayAll(boolean withAccountClaims, Progress progress) throws Exception {
        BlockingQueue<List<DomainEventMessage<?>>> batches = new ArrayBlockingQueue<>(READ_AHEAD);
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "rebuild-reader"));
        try (VersionLoad versions = VersionLoad.open(dataSource);
             Progress.Bar bar = progress.start("rebuild", estimatedCount())) {
            Future<Long> read = reader.submit(() -> readAll(batches));
            while (true) {
                List<DomainEventMessage<?>> batch = batches.poll(1, TimeUnit.SECONDS);
                if (batch == null) {
                    if (read.isDone()) {
                        read.get(); // the reader's failure, if it failed
                        throw new IllegalStateException("the reader of the events stopped before their end");
                    }
                } else if (batch.isEmpty()) {
                    break;
                } else {
                    transactions.executeWithoutResult(tx -> {
                        // a rebuild that a crash cut short is run again, so its commits need not wait for the disk
                        jdbc.execute("set local synchronous_commit = off");
                        // a row that a streaming projection still writes (a node left running) fails the rebuild in
                        // time: that projection may itself wait for the version table, which the load holds
                        jdbc.execute("set local lock_timeout = '" + AppendLock.EXCLUSIVE_TIMEOUT.toMillis() + "ms'");
                        projectMessages(batch, withAccountClaims, versions);
                    });
                    bar.stepBy(batch.size());
                }
            }
            versions.finish();
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            reader.shutdownNow();
        }
    }

    /** Reads every event, a batch at a time, deserialized, into {@code batches}; an empty batch marks the end. */
    private long readAll(BlockingQueue<List<DomainEventMessage<?>>> batches) throws Exception {
        try (Connection read = dataSource.getConnection()) {
            read.setAutoCommit(false);
            read.setReadOnly(true);
            try {
                List<StoredEvent> batch = new ArrayList<>(BATCH);
                long count = StoredEvents.copy(read, 0, Long.MAX_VALUE, event -> {
                    batch.add(event);
                    if (batch.size() == BATCH) {
                        batches.put(deserialized(batch));
                        batch.clear();
                    }
                    return true;
                });
                if (!batch.isEmpty()) {
                    batches.put(deserialized(batch));
                }
                batches.put(List.of());
                return count;
            } finally {
                read.rollback();
            }
        }
    }

    /** The messages of the events, their payloads, metadata and times already deserialized. */
    private List<DomainEventMessage<?>> deserialized(List<StoredEvent> events) {
        List<DomainEventMessage<?>> messages = messages(events);
        for (DomainEventMessage<?> message : messages) {
            message.getPayload();
            message.getMetaData();
            message.getTimestamp();
        }
        return messages;
    }

    /**
     * Feeds stored events, in their order, to every projection, inside the caller's transaction;
     * with {@code withAccountClaims} it also claims the username and email of each registration.
     */
    public void project(List<StoredEvent> events, boolean withAccountClaims) {
        if (!events.isEmpty()) {
            projectMessages(messages(events), withAccountClaims, null);
        }
    }

    private void projectMessages(List<DomainEventMessage<?>> messages, boolean withAccountClaims, VersionLoad versions) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(messages));
        if (versions != null) {
            unitOfWork.resources().put(VersionLoad.RESOURCE, versions);
        }
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            // no canHandle first (Axon's contract leaves it to the caller): an invoker's handle asks each of its
            // handlers itself and skips those that do not take the message; asking twice was a tenth of this thread
            for (EventHandlerInvoker handler : invokersFor(message.getPayloadType())) {
                handler.handle(message, Segment.ROOT_SEGMENT);
            }
            // the unit of work wraps any other result in a message of its own, with a random id, for every event
            return HANDLED;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        if (withAccountClaims) {
            List<Object[]> claims = new ArrayList<>();
            for (DomainEventMessage<?> message : messages) {
                if (message.getPayload() instanceof UserRegistered registered) {
                    claims.add(new Object[] {"USERNAME", registered.username().toLowerCase(Locale.ROOT), registered.userId()});
                    claims.add(new Object[] {"EMAIL", registered.email().toLowerCase(Locale.ROOT), registered.userId()});
                }
            }
            if (!claims.isEmpty()) {
                jdbc.batchUpdate("insert into account_claim (kind, claimed_value, user_id) values (?, ?, ?)", claims);
            }
        }
    }

    /** The stored events as the messages the handlers receive: upcast and deserialized as the event store does. */
    private List<DomainEventMessage<?>> messages(List<StoredEvent> events) {
        Stream<GenericDomainEventEntry<byte[]>> entries = events.stream().map(Entry::new);
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        EventStreamUtils.upcastAndDeserializeDomainEvents(entries, axon.eventSerializer(), axon.upcasterChain())
                .forEachRemaining(messages::add);
        return messages;
    }

    private static final byte[] EMPTY_METADATA = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** A stored event as Axon's upcasters take it, its time read by {@link EventTimes}. */
    private static final class Entry extends GenericDomainEventEntry<byte[]> {
        private final String timeStamp;

        Entry(StoredEvent e) {
            super(e.type(), e.aggregateIdentifier(), e.sequenceNumber(), e.eventIdentifier(), e.timeStamp(),
                    e.payloadType(), e.payloadRevision(), e.payload(), e.metaData() == null ? EMPTY_METADATA : e.metaData());
            this.timeStamp = e.timeStamp();
        }

        @Override
        public Instant getTimestamp() {
            return EventTimes.parse(timeStamp);
        }
    }

    /** The processors that have a handler for events of this type, asked once a type, in the order of their names. */
    private List<EventHandlerInvoker> invokersFor(Class<?> payloadType) {
        return invokersByType.computeIfAbsent(payloadType,
                type -> invokers().stream().filter(invoker -> invoker.canHandleType(type)).toList());
    }

    /**
     * The processors' invokers, in the order of their names; a processing group's several invokers one by one, in
     * their order, so that the group's own invoker does not ask each of them whether it takes every event.
     */
    private List<EventHandlerInvoker> invokers() {
        List<EventHandlerInvoker> known = invokers;
        if (known == null) {
            Map<String, EventProcessor> processors = axon.eventProcessingConfiguration().eventProcessors();
            known = processors.values().stream()
                    .sorted(Comparator.comparing(EventProcessor::getName))
                    .map(p -> ((AbstractEventProcessor) p).eventHandlerInvoker())
                    .flatMap(invoker -> invoker instanceof MultiEventHandlerInvoker group
                            ? group.delegates().stream() : Stream.of(invoker))
                    .toList();
            invokers = known;
        }
        return known;
    }

    private long estimatedCount() {
        Long count = jdbc.queryForObject("select coalesce(max(global_index), 0) - coalesce(min(global_index), 1) + 1 "
                + "from domain_event_entry", Long.class);
        return Math.max(count == null ? 0 : count, 0);
    }
}
