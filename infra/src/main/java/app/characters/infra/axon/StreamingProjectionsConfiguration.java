package app.characters.infra.axon;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code PROJECTIONS_MODE=streaming}: every projection is a pooled streaming processor whose segments the nodes share
 * through {@code token_entry}, an event a projection refuses goes to the dead-letter queue while the projection goes
 * on with the rest, and {@code PROJECTIONS_ENABLED=false} makes a node that runs none of them.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "app.projections", name = "mode", havingValue = "streaming")
class StreamingProjectionsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamingProjectionsConfiguration.class);

    @Bean
    ProjectionNodes projectionNodes(JdbcTemplate jdbc, TokenStoreProperties tokenStore, ProjectionSettings settings) {
        return new ProjectionNodes(jdbc, tokenStore.getClaimTimeout(), settings.segments(), settings.enabled());
    }

    @Bean
    ConfigurerModule streamingProjections(ProjectionSettings settings, TokenStoreProperties tokenStore,
                                          ProjectionNodes nodes, ListableBeanFactory beans) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            // a handler's failure reaches the dead-letter queue instead of being logged and skipped
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            if (settings.enabled()) {
                // claims are extended well within their timeout, or an idle node would lose its segments
                long claimExtension = Math.max(100, tokenStore.getClaimTimeout().toMillis() / 3);
                processing.usingPooledStreamingEventProcessors()
                        .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                                .initialSegmentCount(settings.segments())
                                .batchSize(settings.batchSize())
                                .tokenClaimInterval(settings.claimInterval().toMillis())
                                .claimExtensionThreshold(claimExtension)
                                .maxSegmentProvider(nodes::fairShare));
            } else {
                processing.registerEventProcessorFactory((name, config, invoker) -> new IdleProcessor(name));
            }
            processing.registerDefaultDeadLetterPolicy(c -> (letter, cause) -> {
                EventMessage<?> event = letter.message();
                String position = event instanceof DomainEventMessage<?> domain
                        ? " of " + domain.getAggregateIdentifier() + " at sequence " + domain.getSequenceNumber() : "";
                log.warn("a projection refused {}{}; it waits in dead_letter_entry: {}",
                        event.getPayloadType().getSimpleName(), position, cause.getMessage());
                return Decisions.enqueue(ThrowableCause.truncated(cause));
            });
            // with the cache a node asks the queue about a character only when it may hold one of its letters
            for (String group : projections(beans)) {
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.enableSequenceIdentifierCache());
            }
        };
    }

    /**
     * Takes the place of Axon's module, which enables dead-letter queues group by group through properties: here every
     * projection gets one, in {@code dead_letter_entry}, retried in each character's own order.
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueues(EventProcessorProperties properties,
                                                             ConnectionProvider connections,
                                                             TransactionManager transactions, DeadLetterSchema schema,
                                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                                             @Qualifier("serializer") Serializer serializer) {
        return new EveryProjection(properties, group -> config -> JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .statementFactory(new AggregateOrderedDeadLetters(schema, serializer, eventSerializer))
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build());
    }

    /** The processing groups of the projections: every bean that declares one. */
    private static Set<String> projections(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    private static final class EveryProjection extends DeadLetterQueueProviderConfigurerModule {

        private final Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> provider;

        EveryProjection(EventProcessorProperties properties,
                        Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> provider) {
            super(properties, provider);
            this.provider = provider;
        }

        @Override
        public void configureModule(Configurer configurer) {
            configurer.eventProcessing().registerDeadLetterQueueProvider(provider);
        }
    }
}
