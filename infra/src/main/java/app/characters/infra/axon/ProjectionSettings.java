package app.characters.infra.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the projections run ({@code app.projections.*}).
 *
 * @param mode                  {@code subscribing}: in the transaction that appends the event, one node or many;
 *                              {@code streaming}: pooled streaming processors that share their segments among the
 *                              nodes through the token store
 * @param enabled               whether this node runs the projections at all; {@code false} (streaming only) makes a
 *                              command-only node whose read tables are kept by the other nodes
 * @param segments              segments of each streaming projection, made when its tokens are first created
 * @param batchSize             events a streaming projection handles in one transaction
 * @param claimInterval         how often a streaming node looks for segments to claim or to hand over
 * @param readYourWritesTimeout how long a request waits for the row its own command wrote, in streaming mode
 */
@ConfigurationProperties("app.projections")
public record ProjectionSettings(Mode mode, boolean enabled, int segments, int batchSize, Duration claimInterval,
                                 Duration readYourWritesTimeout) {

    public enum Mode { SUBSCRIBING, STREAMING }

    public ProjectionSettings {
        if (mode == Mode.SUBSCRIBING && !enabled) {
            throw new IllegalStateException("PROJECTIONS_ENABLED=false needs PROJECTIONS_MODE=streaming: subscribing"
                    + " projections write in the transaction of every change, so a node that changes runs them");
        }
        if (segments < 1 || batchSize < 1) {
            throw new IllegalStateException("app.projections.segments and batch-size must be 1 or more");
        }
    }

    public boolean streaming() {
        return mode == Mode.STREAMING;
    }
}
