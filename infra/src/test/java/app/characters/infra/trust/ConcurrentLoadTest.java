package app.characters.infra.trust;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Many clients changing characters at once: without If-Match every change lands exactly once, and
 * with If-Match a change either lands on the version its client saw or is refused with 412.
 */
class ConcurrentLoadTest extends ServiceTest {

    private static final int CLIENTS = 32;
    private static final int CHANGES_EACH = 50;
    private static final int CHANGES = CLIENTS * CHANGES_EACH;
    private static final int CHARACTERS = 500;
    private static final long SEED = Long.getLong("load.seed", 42L);

    @Test
    void thirtyTwoClientsChangingOneCharacterLoseNoChange() throws Exception {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Crowded").id();

        long start = System.nanoTime();
        List<Integer> statuses = fromEachClient(client -> {
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < CHANGES_EACH; i++) {
                answers.add(gain(owner, id).status());
            }
            return answers;
        });
        report(CHANGES + " changes to one character", start);

        assertThat(statuses).hasSize(CHANGES).containsOnly(200);
        Answer read = api.get(path(id), owner.token());
        assertThat(read.version()).isEqualTo(1 + CHANGES);
        assertThat(read.body().path("experience").asLong()).isEqualTo(CHANGES);
        assertThat(read.header("ETag")).isEqualTo("\"" + (1 + CHANGES) + "\"");
        assertThat(versionRows(id)).isEqualTo(1 + CHANGES);
        assertThat(eventCount(id)).isEqualTo(1 + CHANGES);
    }

    @Test
    void thirtyTwoClientsSpreadOverFiveHundredCharactersLoseNoChange() throws Exception {
        User owner = api.signUp();
        List<UUID> ids = createCharacters(owner);
        AtomicIntegerArray sent = new AtomicIntegerArray(CHARACTERS);
        System.out.println("load seed: " + SEED + " (replay with -Dload.seed=" + SEED + ")");

        long start = System.nanoTime();
        List<Integer> statuses = fromEachClient(client -> {
            Random random = new Random(SEED + client);
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < CHANGES_EACH; i++) {
                int target = random.nextInt(CHARACTERS);
                sent.incrementAndGet(target);
                answers.add(gain(owner, ids.get(target)).status());
            }
            return answers;
        });
        report(CHANGES + " changes spread over " + CHARACTERS + " characters", start);

        assertThat(statuses).hasSize(CHANGES).containsOnly(200);
        Map<UUID, JsonNode> read = readAll(owner);
        assertThat(read).hasSize(CHARACTERS);
        assertThat(read.values().stream().mapToLong(c -> c.path("version").asLong()).sum() - CHARACTERS)
                .isEqualTo(CHANGES);
        for (int i = 0; i < CHARACTERS; i++) {
            JsonNode character = read.get(ids.get(i));
            assertThat(character.path("version").asLong()).as("version of %s", ids.get(i)).isEqualTo(1 + sent.get(i));
            assertThat(character.path("experience").asLong()).as("experience of %s", ids.get(i)).isEqualTo(sent.get(i));
        }
        List<Map<String, Object>> mismatched = jdbc.queryForList("""
                select s.id, s.version, v.rows, e.events
                from character_summary s
                left join (select character_id, count(*) as rows from character_version group by character_id) v
                       on v.character_id = s.id
                left join (select aggregate_identifier, count(*) as events from domain_event_entry
                           group by aggregate_identifier) e
                       on e.aggregate_identifier = s.id::text
                where s.owner_id = ? and (v.rows is distinct from s.version or e.events is distinct from s.version)
                """, owner.id());
        assertThat(mismatched).as("characters whose version, version rows and events disagree").isEmpty();
    }

    @Test
    void underLoadIfMatchLetsOnlyTheCurrentVersionThrough() throws Exception {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Contested").id();
        int rounds = 10;

        long start = System.nanoTime();
        List<Integer> statuses = fromEachClient(client -> {
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                String etag = api.get(path(id), owner.token()).header("ETag");
                answers.add(gain(owner, id, "If-Match", etag).status());
            }
            return answers;
        });
        report(CLIENTS * rounds + " changes with If-Match to one character", start);

        long applied = statuses.stream().filter(s -> s == 200).count();
        System.out.println("  " + applied + " applied, " + (statuses.size() - applied) + " refused with 412");
        assertThat(statuses).hasSize(CLIENTS * rounds).containsOnly(200, 412);
        assertThat(applied).isPositive();
        Answer read = api.get(path(id), owner.token());
        assertThat(read.version() - 1).as("versions added").isEqualTo(applied);
        assertThat(read.body().path("experience").asLong()).isEqualTo(applied);
        assertThat(versionRows(id)).isEqualTo(read.version());
        assertThat(eventCount(id)).isEqualTo(read.version());
    }

    private Answer gain(User owner, UUID id, String... headers) {
        return api.post(path(id) + "/experience", owner.token(), Api.map("amount", 1, "reason", "load"), headers);
    }

    /** The owner's characters, created by a few clients at once. */
    private List<UUID> createCharacters(User owner) throws Exception {
        long start = System.nanoTime();
        int creators = 8;
        List<UUID> ids = new ArrayList<>();
        List<Callable<List<UUID>>> tasks = new ArrayList<>();
        for (int c = 0; c < creators; c++) {
            int first = c;
            tasks.add(() -> {
                List<UUID> created = new ArrayList<>();
                for (int i = first; i < CHARACTERS; i += creators) {
                    created.add(api.createCharacter(owner, "Crowd " + i).id());
                }
                return created;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            for (Future<List<UUID>> future : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                ids.addAll(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        report(CHARACTERS + " characters created", start);
        return ids;
    }

    private Map<UUID, JsonNode> readAll(User owner) {
        Map<UUID, JsonNode> read = new HashMap<>();
        for (int page = 0; page * 100 < CHARACTERS; page++) {
            Answer answer = api.get("/api/v1/characters?size=100&page=" + page, owner.token());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("total").asLong()).isEqualTo(CHARACTERS);
            for (JsonNode character : answer.body().path("items")) {
                read.put(UUID.fromString(character.path("id").asText()), character);
            }
        }
        return read;
    }

    interface Client {
        List<Integer> run(int client) throws Exception;
    }

    /** Starts every client at once and answers all their statuses. */
    private static List<Integer> fromEachClient(Client client) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        List<Callable<List<Integer>>> tasks = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int number = c;
            tasks.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                return client.run(number);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> future : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                statuses.addAll(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String what, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String[] words = what.split(" ", 2);
        System.out.printf("%s in %.1f s (%.0f a second)%n", what, seconds, Double.parseDouble(words[0]) / seconds);
    }
}
