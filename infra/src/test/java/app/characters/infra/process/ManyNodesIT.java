package app.characters.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.characters.infra.database.DatabaseConnection;
import app.characters.infra.database.DatabaseSettings;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three processes of the service on one PostgreSQL with streaming projections: the segments spread over the nodes,
 * a node killed with SIGKILL under load loses its segments to the others within seconds, and in the end every event
 * of every character was applied once, none skipped and none twice.
 */
class ManyNodesIT {

    private static final int NODES = 3;
    private static final int CHARACTERS = 30;
    private static final int CHANGES = 600;
    private static final List<String> PROJECTIONS = List.of("accounts", "characters", "skills", "templates");
    /** Three JVMs starting at once on two cores: the quick compiler only, and the lightest collector. */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Test
    void threeNodesShareTheProjectionsAndLoseNoEventWhenOneIsKilled() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "many-nodes"));
        try (DatabaseConnection postgres = DatabaseConnection.open(DatabaseSettings.from(Map.<String, String>of()::get), null)) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            List<ServiceProcess> nodes = startNodes(postgres.settings().jdbcUrl(), logs);
            try {
                List<Api> apis = nodes.stream().map(node -> new Api(node.baseUrl())).toList();
                User user = apis.get(0).signUp();
                List<UUID> characters = new ArrayList<>();
                for (int i = 0; i < CHARACTERS; i++) {
                    Answer created = apis.get(i % NODES).createCharacter(user, "Hopper " + i);
                    assertThat(created.status()).isEqualTo(201);
                    characters.add(created.id());
                }

                await("segments spread over the nodes").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> owners(jdbc).size() > 1 && ownedByLiveNodes(jdbc, nodes));
                assertThat(pids(owners(jdbc))).isSubsetOf(pids(nodes));

                List<ServiceProcess> alive = new CopyOnWriteArrayList<>(nodes);
                AtomicInteger acknowledged = new AtomicInteger();
                AtomicInteger attempted = new AtomicInteger();
                List<String> refused = new CopyOnWriteArrayList<>();
                ExecutorService clients = Executors.newFixedThreadPool(6);
                List<Future<?>> sent = new ArrayList<>();
                for (int k = 0; k < CHANGES; k++) {
                    int change = k;
                    sent.add(clients.submit(() -> {
                        UUID id = characters.get(change % CHARACTERS);
                        ServiceProcess node = nodes.get(change % NODES);
                        if (!alive.contains(node)) {
                            node = alive.get(change % alive.size());
                        }
                        attempted.incrementAndGet();
                        try {
                            Answer answer = apis.get(nodes.indexOf(node)).post("/api/v1/characters/" + id
                                    + "/experience", user.token(), Api.map("amount", 1, "reason", "change " + change));
                            if (answer.status() == 200) {
                                acknowledged.incrementAndGet();
                            } else {
                                refused.add(answer.status() + " " + answer.body());
                            }
                        } catch (RuntimeException connectionLost) {
                            // sent to the node as it was killed: what was not answered was not promised
                        }
                    }));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= CHANGES / 2);
                // the node with the most segments, so that there is the most to take over
                ServiceProcess victim = nodes.stream()
                        .max(Comparator.comparingLong(node -> segmentsOwnedBy(jdbc, node))).orElseThrow();
                assertThat(segmentsOwnedBy(jdbc, victim)).isPositive();
                alive.remove(victim);
                victim.kill();
                long killedAt = System.nanoTime();

                await("the victim's segments taken over").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> ownedByLiveNodes(jdbc, alive));
                Duration takeOver = Duration.ofNanos(System.nanoTime() - killedAt);
                assertThat(takeOver).as("time to take the segments over").isLessThan(Duration.ofSeconds(20));
                System.out.printf("segments of the killed node taken over in %d ms%n", takeOver.toMillis());

                for (Future<?> change : sent) {
                    change.get(60, TimeUnit.SECONDS);
                }
                clients.shutdown();
                assertThat(refused).isEmpty();
                assertThat(acknowledged.get()).isGreaterThan(CHANGES * 9 / 10);

                await("the projections caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> disagreeing(jdbc).isEmpty());
                long events = jdbc.queryForObject("""
                        select count(*) from domain_event_entry e join character_summary c on e.aggregate_identifier = c.id::text""",
                        Long.class);
                assertThat(events - CHARACTERS).isBetween((long) acknowledged.get(), (long) attempted.get());
                assertThat(jdbc.queryForObject("select count(*) from character_summary", Long.class))
                        .isEqualTo(CHARACTERS);
                assertThat(jdbc.queryForObject("select count(*) from character_summary where experience <> version - 1",
                        Long.class)).as("characters whose experience is not one a change").isZero();
                assertThat(jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class)).isZero();
                Api survivor = apis.get(nodes.indexOf(nodes.stream().filter(ServiceProcess::isAlive).findFirst()
                        .orElseThrow()));
                for (UUID id : characters.subList(0, 3)) {
                    Answer read = survivor.get("/api/v1/characters/" + id, user.token());
                    assertThat(read.body().path("experience").asLong()).isEqualTo(read.version() - 1);
                }
            } finally {
                for (ServiceProcess node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static List<ServiceProcess> startNodes(String databaseUrl, Path logs) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<ServiceProcess>> started = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                Path log = logs.resolve("node-" + n + ".log");
                Files.deleteIfExists(log);
                Files.createFile(log);
                Map<String, String> env = Map.of("DATABASE_URL", databaseUrl,
                        "DATA_DIR", logs.resolve("data-" + n).toString(),
                        "PROJECTIONS_MODE", "streaming",
                        "TOKEN_CLAIM_TIMEOUT", "3s",
                        "PROJECTION_CLAIM_INTERVAL", "PT0.5S");
                started.add(starting.submit(() -> ServiceProcess.start(env, log, QUICK_START)));
            }
            // every start ends, healthy or killed, within ServiceProcess's own deadline
            List<ServiceProcess> nodes = new ArrayList<>();
            Exception failure = null;
            for (Future<ServiceProcess> node : started) {
                try {
                    nodes.add(node.get());
                } catch (ExecutionException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                for (ServiceProcess node : nodes) {
                    node.kill();
                }
                throw failure;
            }
            return nodes;
        } finally {
            starting.shutdown();
        }
    }

    /** The distinct owners of the projections' segments. */
    private static Set<String> owners(JdbcTemplate jdbc) {
        return Set.copyOf(jdbc.queryForList("select distinct owner from token_entry where owner is not null",
                String.class));
    }

    /** Every segment of every projection is claimed, and by one of these nodes. */
    private static boolean ownedByLiveNodes(JdbcTemplate jdbc, List<ServiceProcess> live) {
        Set<Long> pids = pids(live);
        List<Map<String, Object>> segments = jdbc.queryForList("select processor_name, owner from token_entry");
        return segments.size() == PROJECTIONS.size() * 4
                && segments.stream().allMatch(segment -> segment.get("owner") != null
                && pids.contains(pid((String) segment.get("owner"))));
    }

    private static long segmentsOwnedBy(JdbcTemplate jdbc, ServiceProcess node) {
        return jdbc.queryForObject("select count(*) from token_entry where owner like ?", Long.class,
                node.pid() + "@%");
    }

    private static Set<Long> pids(List<ServiceProcess> nodes) {
        return nodes.stream().map(ServiceProcess::pid).collect(Collectors.toSet());
    }

    private static Set<Long> pids(Set<String> owners) {
        return owners.stream().map(ManyNodesIT::pid).collect(Collectors.toSet());
    }

    private static long pid(String owner) {
        return Long.parseLong(owner.substring(0, owner.indexOf('@')));
    }

    /** Characters whose read rows are not exactly their events: versions 1..N, once each, N the event count. */
    private static List<UUID> disagreeing(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select c.id from character_summary c
                where c.version <> (select count(*) from domain_event_entry e where e.aggregate_identifier = c.id::text)
                   or c.version <> (select count(*) from character_version v where v.character_id = c.id)
                   or c.version <> (select count(distinct v.version) from character_version v where v.character_id = c.id)
                   or 1 <> (select min(v.version) from character_version v where v.character_id = c.id)
                   or c.version <> (select max(v.version) from character_version v where v.character_id = c.id)""",
                UUID.class);
    }
}
