package app.characters.infra.axon;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nodes that run the streaming projections, and the share of segments each may claim.
 * <p>
 * A pooled streaming processor claims as many segments as its {@code MaxSegmentProvider} allows and hands over
 * those above it, but without a coordinating server it knows nothing of its peers: the first node up would keep every
 * segment. So each projection node writes a heartbeat into {@code projection_node}, and counts as alive while its
 * heartbeat is younger than the token claim timeout, the time after which its segments may be claimed anyway. A
 * processor of S segments gives each of N live nodes ceil(S / N): a new node gets segments handed over within a claim
 * interval, and when a node dies the survivors' share grows to cover the segments it left.
 */
class ProjectionNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionNodes.class);

    /** The owner the JDBC token store writes into token_entry, so that both tables name a node alike. */
    static final String NODE_ID = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;
    private final Duration liveness;
    private final int defaultSegments;
    private final boolean projecting;
    private volatile int liveNodes = 1;
    private volatile Map<String, Integer> segments = Map.of();
    private ScheduledExecutorService heartbeat;

    ProjectionNodes(JdbcTemplate jdbc, Duration liveness, int defaultSegments, boolean projecting) {
        this.jdbc = jdbc;
        this.liveness = liveness;
        this.defaultSegments = defaultSegments;
        this.projecting = projecting;
    }

    /** How many segments of the processor this node may hold. */
    int fairShare(String processorName) {
        int total = segments.getOrDefault(processorName, defaultSegments);
        return (total + liveNodes - 1) / liveNodes;
    }

    int liveNodes() {
        return liveNodes;
    }

    void beat() {
        try {
            jdbc.update("insert into projection_node (node_id, heartbeat_at) values (?, now())"
                    + " on conflict (node_id) do update set heartbeat_at = now()", NODE_ID);
            double seconds = liveness.toMillis() / 1000.0;
            jdbc.update("delete from projection_node where heartbeat_at < now() - make_interval(secs => ?) * 100",
                    seconds);
            Integer live = jdbc.queryForObject(
                    "select count(*) from projection_node where heartbeat_at > now() - make_interval(secs => ?)",
                    Integer.class, seconds);
            Map<String, Integer> counts = new HashMap<>();
            jdbc.query("select processor_name, count(*) from token_entry group by processor_name",
                    row -> {
                        counts.put(row.getString(1), row.getInt(2));
                    });
            liveNodes = Math.max(1, live == null ? 1 : live);
            segments = counts;
        } catch (DataAccessException e) {
            // the next beat tries again; meanwhile the last known share holds
            log.warn("projection heartbeat failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, liveness.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        heartbeat.shutdownNow();
        heartbeat = null;
        try {
            jdbc.update("delete from projection_node where node_id = ?", NODE_ID);
        } catch (DataAccessException e) {
            log.warn("could not sign this node off the projection nodes: {}", e.getMessage());
        }
    }

    /** A command-only node claims no segment, so it takes no share and sends no heartbeat. */
    @Override
    public boolean isAutoStartup() {
        return projecting;
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    /** Before the event processors start, so that their first claim already knows the peers; after them on the way out. */
    @Override
    public int getPhase() {
        return 0;
    }
}
