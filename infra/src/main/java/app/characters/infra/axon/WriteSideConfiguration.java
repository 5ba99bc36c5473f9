package app.characters.infra.axon;

import app.characters.command.character.CharacterAggregate;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How commands reach the aggregates: retried when another node won the race, snapshots for long histories. */
@Configuration(proxyBeanMethods = false)
class WriteSideConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Axon's command bus as its auto-configuration builds it (monitored, traced, correlation data passed on), with changes
     * to characters that arrive together committed together ({@link BatchingCommandBus}).
     */
    @Bean(destroyMethod = "stop")
    BatchingCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                  DuplicateCommandHandlerResolver duplicates,
                                  @Value("${app.command-batch.workers:1}") int workers,
                                  @Value("${app.command-batch.max:64}") int maxBatch, MeterRegistry meters) {
        DistributionSummary sizes = DistributionSummary.builder("characters.commands.batch.size")
                .description("changes committed in one transaction (1: a change alone)")
                .baseUnit("changes")
                .register(meters);
        return new BatchingCommandBus(transactions -> {
            SimpleCommandBus bus = SimpleCommandBus.builder()
                    .transactionManager(transactions)
                    .duplicateCommandHandlerResolver(duplicates)
                    .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                    .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                    .build();
            bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
            return bus;
        }, transactionManager, workers, maxBatch, sizes::record);
    }

    /**
     * Within one node Axon locks an aggregate while a command runs, so two changes to one character
     * queue up. Across nodes both may load the same version; the unique (aggregate, sequence) key
     * lets one append win and the other fail with a conflict. Such a change is sent again, reloads
     * the character and lands after the winner: concurrent changes never lose each other. Every other
     * failure, a rule refusing the change or an If-Match that no longer holds, is final.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${app.command-retries:8}") int retries) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retryScheduler(executor, retries))
                .build();
    }

    static RetryScheduler retryScheduler(ScheduledExecutorService executor, int retries) {
        return IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(retries)
                .retryInterval(5)
                .nonTransientFailurePredicate(failure -> !isPartOfLostRace(failure))
                .build();
    }

    /**
     * Axon asks this of the failure and of every cause beneath it, and gives up if any answers "not transient":
     * so each link of a lost race must pass, the conflict and the driver's unique-violation report under it alike.
     */
    static boolean isPartOfLostRace(Throwable failure) {
        if (failure instanceof ConcurrencyException) {
            return !(failure instanceof ConflictingAggregateVersionException)
                    && !(failure instanceof AggregateStreamCreationException);
        }
        return failure instanceof SQLException && isUniqueViolation(failure);
    }

    /**
     * Snapshots are taken on a thread of their own, once the change that asked for one has let go of its
     * character. Taken in line, a snapshot opens a second transaction while the character is still locked;
     * with more writers queued on that character than connections in the pool, each holding one, no
     * connection is left for it and every writer waits for the pool's timeout.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    @Qualifier("snapshotThread") ExecutorService snapshotThread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread)
                .build();
    }

    /** The one thread that stores snapshots, in the order they were asked for. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Tells Axon when an append lost to another on the unique (aggregate, sequence) key, so that it raises the
     * conflict the retry above and the error handler know. Axon's own JDBC resolver looks for a
     * SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws: it reports SQLState 23505,
     * at times inside a BatchUpdateException. Unrecognised, a race lost to another node was a storage failure (500),
     * never retried, and two nodes creating one skill made the second fail to start.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolations() {
        return WriteSideConfiguration::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Characters stay in memory between commands, the most recently changed ones up to {@code app.aggregate-cache-size},
     * so a change does not read its character's snapshot and events again. A cached character is safe with several
     * command nodes too: if another node appended to it meanwhile, the append collides on the unique (aggregate,
     * sequence) key, the unit of work rolls back, which evicts the entry, and the retry above reloads the character.
     */
    @Bean
    Cache characterCache(@Value("${app.aggregate-cache-size:10000}") long size) {
        return new AggregateCache(size);
    }

    /** Which character a command is for, found without searching the command's members each time. */
    @Bean
    CommandTargetResolver characterTargets() {
        return new CommandTargets();
    }

    /**
     * A character with a long history loads from its latest snapshot plus the events after it. The snapshot is copied
     * from the cached character once its change committed, not folded again from the store.
     */
    @Bean
    SnapshotTriggerDefinition characterSnapshotTrigger(SpringAggregateSnapshotter replaying,
                                                       @Qualifier("characterCache") Cache characterCache,
                                                       HandlerDefinition handlerDefinition,
                                                       ParameterResolverFactory parameterResolverFactory,
                                                       EventStore eventStore, TransactionManager transactionManager,
                                                       @Qualifier("snapshotThread") ExecutorService snapshotThread,
                                                       @Value("${app.snapshot-every:100}") int threshold) {
        AggregateModel<CharacterAggregate> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                CharacterAggregate.class, parameterResolverFactory, handlerDefinition);
        return new EventCountSnapshotTriggerDefinition(new CachedCharacterSnapshots(characterCache, model, eventStore,
                transactionManager, snapshotThread, replaying), threshold);
    }
}
