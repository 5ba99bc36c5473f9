package app.characters.infra.axon;

import app.characters.infra.database.JdbcTransactions;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL: the JDBC event store and token store come from Axon's JDBC auto-configuration
 * (its JPA one is excluded, see application.yml); the tables come from Flyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
class AxonConfiguration {

    static {
        // The event store keeps timestamps to the millisecond; stamping events at that precision makes
        // a live projection and a replay of the stored events see the very same times.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * Axon's one serializer (commands, events, snapshots, tokens, dead letters) as its auto-configuration builds it
     * on the application's mapper, except that it reads without the duplicate-key check that guards the JSON of
     * requests (only this service writes what Axon reads) and looks up the class of each stored type once.
     */
    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver, ObjectMapper mapper, ApplicationContext context) {
        return new AxonJson(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(context.getClassLoader()))
                .objectMapper(mapper.copy().disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)));
    }

    /**
     * Axon's transactions on plain JDBC ({@link JdbcTransactions}): every handler that runs in them writes through
     * JDBC (the event store, the projections, the claims), so a command need not open and flush a Hibernate session
     * as the JPA transaction manager does for each transaction: JFR put its begin and commit at a sixth of a change's
     * service time.
     */
    @Bean
    TransactionManager axonTransactionManager(JdbcTransactions transactions) {
        return new SpringTransactionManager(transactions.manager());
    }

    /** The event tables as the Flyway migration names them, in snake case. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
                .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The dead-letter table of the streaming projections as the Flyway migration names it, in snake case. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry").deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group").sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index").messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier").timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision")
                .payloadColumn("payload").metaDataColumn("meta_data").aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type").tokenColumn("token").enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched").processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type").causeMessageColumn("cause_message").diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Axon's query bus as its auto-configuration builds it, less the transaction it would open around every
     * query: each query handler opens the read-only one it needs (or its repository does), so a read does not
     * pay for a second, writable transaction around its own, nor for flushing it.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** Who asked for a change travels from the command to the events it produced. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actors.ACTOR_ID);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * Projections run as subscribing processors: the read tables are written in the transaction that
     * appends the event, so a client reads its own write at once and both land or neither does. A
     * projection that fails therefore fails the change it belongs to. The default, {@code PROJECTIONS_MODE=subscribing};
     * see {@link StreamingProjectionsConfiguration} for the other.
     */
    @Bean
    @ConditionalOnProperty(prefix = "app.projections", name = "mode", havingValue = "subscribing", matchIfMissing = true)
    ConfigurerModule projectionsInTheWritingTransaction() {
        return configurer -> configurer.eventProcessing()
                .usingSubscribingEventProcessors(name -> config -> new HandledEventsOnly(config.eventBus(),
                        () -> config.eventProcessingConfiguration().eventProcessor(name)
                                .map(processor -> ((AbstractEventProcessor) processor).eventHandlerInvoker())
                                .orElseThrow(() -> new IllegalStateException("no event processor " + name))))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
