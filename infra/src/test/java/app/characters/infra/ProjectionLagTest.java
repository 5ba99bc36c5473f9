package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A streaming projection that falls behind takes the node out of readiness, and brings it back once
 * it has caught up. The service's own projections are subscribing, so this one is added for the test,
 * in a service of its own.
 */
@SpringBootTest(classes = CharacterService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.database.ephemeral=true", "app.health.max-projection-lag=3"})
@Import(ProjectionLagTest.StreamingProjection.class)
class ProjectionLagTest {

    static final String PROCESSOR = "lag-probe";

    @TestConfiguration(proxyBeanMethods = false)
    static class StreamingProjection {
        @Bean
        ConfigurerModule lagProbeIsStreaming() {
            return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(PROCESSOR);
        }

        @Bean
        LagProbe lagProbe() {
            return new LagProbe();
        }
    }

    @ProcessingGroup(PROCESSOR)
    static class LagProbe {
        @EventHandler
        void on(Object event) {
            // reading is all it does: what is measured is how far it has read
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aStreamingProjectionTooFarBehindMakesTheNodeNotReadyUntilItCatchesUp() {
        Api api = new Api("http://localhost:" + port);
        StreamingEventProcessor probe = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        awaitCaughtUpAndReady(api);

        probe.shutDown();
        User user = api.signUp();
        UUID id = api.createCharacter(user, "Outrun").id();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/characters/" + id + "/experience", user.token(),
                    Api.map("amount", 10, "reason", "steps")).status()).isEqualTo(200);
        }
        // five events appended while the projection stood still: more than the three allowed

        Answer notReady = api.get("/actuator/health/readiness", null);
        assertThat(notReady.status()).isEqualTo(503);
        JsonNode processors = notReady.body().at("/components/eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("DOWN");
        assertThat(processors.at("/details/processors/" + PROCESSOR + "/mode").asText()).isEqualTo("streaming");
        assertThat(processors.at("/details/processors/" + PROCESSOR + "/lag").asLong()).isEqualTo(5);
        assertThat(processors.at("/details/processors/" + PROCESSOR + "/running").asBoolean()).isFalse();
        assertThat(processors.at("/details/processors/characters/lag").asLong()).isZero();
        assertThat(processors.at("/details/behind/0").asText()).isEqualTo(PROCESSOR);
        // alive all the same: a restart would not help a projection that is catching up
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

        probe.start();
        awaitCaughtUpAndReady(api);
    }

    private static void awaitCaughtUpAndReady(Api api) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Answer readiness = api.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).as(readiness.body().toString()).isEqualTo(200);
            assertThat(readiness.body().at("/components/eventProcessors/details/processors/" + PROCESSOR + "/lag")
                    .asLong(-1)).isZero();
        });
    }
}
