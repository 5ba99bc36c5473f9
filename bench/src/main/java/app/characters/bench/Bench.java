package app.characters.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures the service against two baselines in one run, on one durable local PostgreSQL:
 * the ceiling (plain JDBC inserts of event-shaped rows) and a CRUD peer (a character row plus a
 * history row per change, the prototype's design done well). Every figure is the median of
 * {@code -Dbench.reps} runs of {@code -Dbench.seconds} each. Timings never fail anything.
 */
public final class Bench {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int CHARACTERS = 1_000;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int REPS = Integer.getInteger("bench.reps", 3);
    /** Seconds of unmeasured load first, at least (see {@link #warmUp}): the service's code compiled before anything is timed. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int WARMUP_MAX = Integer.getInteger("bench.warmupMax", 300);
    private static final int LONG_HISTORY = Integer.getInteger("bench.history", 10_000);
    /**
     * {@code -Dbench.only=ours} skips the baselines and the scale figures, for profiling the service alone;
     * {@code -Dbench.only=scale} runs the scale figures alone (seed, rebuild, backup, restore of a million events),
     * {@code -Dbench.only=http} all but them.
     */
    private static final String ONLY = System.getProperty("bench.only", "");
    /**
     * {@code -Dbench.against=<jar>} compares two builds instead: the benchmarked jar and this one, both running at once
     * on databases of their own, measured in alternating slices (see {@link #compare}).
     */
    private static final String AGAINST = System.getProperty("bench.against", "");
    static final String EVENT_TABLE = """
            create table event_row (global_index bigserial primary key, aggregate_identifier varchar(255) not null,
            sequence_number bigint not null, type varchar(255), event_identifier varchar(255) not null unique,
            meta_data bytea, payload bytea not null, payload_revision varchar(255), payload_type varchar(255) not null,
            time_stamp varchar(255) not null, unique (aggregate_identifier, sequence_number))""";
    static final String EVENT_INSERT = "insert into event_row (aggregate_identifier, sequence_number, type,"
            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
            + " values (?, ?, 'CharacterAggregate', ?, ?, ?, '1', ?, ?)";
    private static final String PAYLOAD = "{\"characterId\":\"" + UUID.randomUUID()
            + "\",\"amount\":120,\"reason\":\"defeated the goblin chief in the northern caves\",\"total\":48210,\"level\":8}";

    private final Map<String, List<Double>> figures = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("http.maxConnections", String.valueOf(2 * CLIENTS)); // keep one connection alive per client
        Path jar = Path.of(args.length > 0 ? args[0] : "infra/target/character-service.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the service first: mvn -B -q package -DskipTests (" + jar + " missing)");
        }
        new Bench().run(jar);
    }

    private void run(Path jar) throws Exception {
        System.out.printf("benchmark: %d clients, %d s a run, median of %d runs, %d cores%n", CLIENTS, SECONDS, REPS,
                Runtime.getRuntime().availableProcessors());
        try (LocalPostgres pg = LocalPostgres.start(freePort())) {
            pg.createDatabase("ceiling");
            pg.createDatabase("crud");
            pg.createDatabase("service");
            if (!AGAINST.isEmpty()) {
                pg.createDatabase("against");
                compare(jar, Path.of(AGAINST), pg);
                return;
            }
            if (!ONLY.equals("scale")) {
                boolean baselines = ONLY.isEmpty() || ONLY.equals("http");
                Path log = Files.createTempFile("bench-service", ".log");
                try (ServiceProcess service = ServiceProcess.start(jar, pg.url("service"), freePort(), log)) {
                    Clients clients = clients(service);
                    warmUp(clients, service.pid());
                    // one repetition of each in turn, so that the machine's drift weighs on the ratios' two sides alike
                    for (int rep = 0; rep < REPS; rep++) {
                        if (baselines) {
                            ceiling(pg.url("ceiling"), rep == 0);
                            crudPeer(pg.url("crud"), rep == 0);
                        }
                        oursWrites(clients, service, rep);
                    }
                    oursReads(clients, service);
                }
            }
            if (ONLY.isEmpty() || ONLY.equals("scale")) {
                System.out.println("scale: the service's own commands on about a million events");
                new Scale(jar, pg, REPS, this::record).run();
            }
        }
        report();
    }

    // ---- ceiling: plain JDBC, rows shaped like stored events --------------------------------------

    /** One repetition of the ceiling; the first creates the table and runs one more first, unrecorded, for the JIT. */
    private void ceiling(String url, boolean first) throws Exception {
        if (first) {
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute(EVENT_TABLE);
            }
        }
        for (int rep = first ? -1 : 0; rep < 1; rep++) { // run -1 warms this JVM's JIT up and is not recorded
            List<Connection> connections = connections(url, CLIENTS);
            long[] sequence = new long[CLIENTS];
            String[] aggregates = new String[CLIENTS];
            for (int i = 0; i < CLIENTS; i++) {
                aggregates[i] = UUID.randomUUID().toString();
            }
            Load.Result single = Load.run(CLIENTS, SECONDS, t -> {
                try (PreparedStatement ps = connections.get(t).prepareStatement(EVENT_INSERT)) {
                    bindEvent(ps, aggregates[t], sequence[t]++);
                    ps.executeUpdate();
                }
            });
            close(connections);
            if (rep < 0) {
                continue;
            }
            record("ceiling: one row a transaction, 32 threads (rows/s)", single.perSecond());

            int rows = 200_000;
            long started = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url + "&reWriteBatchedInserts=true")) {
                c.setAutoCommit(false);
                String aggregate = UUID.randomUUID().toString();
                try (PreparedStatement ps = c.prepareStatement(EVENT_INSERT)) {
                    for (int i = 0; i < rows; i++) {
                        bindEvent(ps, aggregate, i);
                        ps.addBatch();
                        if (i % 1000 == 999) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                }
            }
            record("ceiling: batched inserts, 1,000 a batch (rows/s)", rows / ((System.nanoTime() - started) / 1e9));
        }
    }

    static void bindEvent(PreparedStatement ps, String aggregate, long sequence) throws Exception {
        ps.setString(1, aggregate);
        ps.setLong(2, sequence);
        ps.setString(3, UUID.randomUUID().toString());
        ps.setBytes(4, "{\"actorId\":\"00000000-0000-0000-0000-000000000001\"}".getBytes());
        ps.setBytes(5, PAYLOAD.getBytes());
        ps.setString(6, "app.characters.kernel.character.CharacterEvent$ExperienceGained");
        ps.setString(7, Instant.now().toString());
    }

    // ---- CRUD peer: a character row and a history row per change, one transaction ------------------

    /** The CRUD peer's characters, made by its first repetition. */
    private final List<UUID> ids = new ArrayList<>();

    private void crudTables(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("""
                    create table crud_character (id uuid primary key, owner_id uuid not null, version bigint not null,
                    state jsonb not null, updated_at timestamptz not null)""");
            c.createStatement().execute("""
                    create table crud_history (character_id uuid not null, version bigint not null, state jsonb not null,
                    changed_at timestamptz not null, primary key (character_id, version))""");
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into crud_character values (?, ?, 1, ?::jsonb, now())")) {
                for (int i = 0; i < CHARACTERS; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    ps.setObject(1, id);
                    ps.setObject(2, UUID.randomUUID());
                    ps.setString(3, sampleState(id).toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** One repetition of the CRUD peer; the first makes its tables and runs one more first, unrecorded, for the JIT. */
    private void crudPeer(String url, boolean first) throws Exception {
        if (first) {
            crudTables(url);
        }
        for (int rep = first ? -1 : 0; rep < 1; rep++) { // run -1 warms this JVM's JIT up and is not recorded
            List<Connection> connections = connections(url, CLIENTS);
            for (Connection c : connections) {
                c.setAutoCommit(false);
            }
            Load.Result result = cpu(rep < 0 ? null : "CRUD peer", -1, () -> Load.run(CLIENTS, SECONDS, t -> {
                Connection c = connections.get(t);
                UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                try {
                    ObjectNode state;
                    long version;
                    try (PreparedStatement read = c.prepareStatement(
                            "select state, version from crud_character where id = ? for update")) {
                        read.setObject(1, id);
                        try (ResultSet rs = read.executeQuery()) {
                            rs.next();
                            state = (ObjectNode) Http.JSON.readTree(rs.getString(1));
                            version = rs.getLong(2) + 1;
                        }
                    }
                    state.put("experience", state.path("experience").asLong() + 50).put("version", version);
                    String json = state.toString();
                    try (PreparedStatement update = c.prepareStatement(
                            "update crud_character set state = ?::jsonb, version = ?, updated_at = now() where id = ?")) {
                        update.setString(1, json);
                        update.setLong(2, version);
                        update.setObject(3, id);
                        update.executeUpdate();
                    }
                    try (PreparedStatement history = c.prepareStatement(
                            "insert into crud_history values (?, ?, ?::jsonb, now())")) {
                        history.setObject(1, id);
                        history.setLong(2, version);
                        history.setString(3, json);
                        history.executeUpdate();
                    }
                    c.commit();
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
            }));
            close(connections);
            if (rep < 0) {
                continue;
            }
            record("CRUD peer: changes/s, 32 threads", result.perSecond());
            record("CRUD peer: change p50 (ms)", result.p50Millis());
            record("CRUD peer: change p99 (ms)", result.p99Millis());
        }
    }

    private static ObjectNode sampleState(UUID id) {
        ObjectNode state = Http.JSON.createObjectNode();
        state.put("id", id.toString()).put("name", "Brunhild Stonefist").put("race", "DWARF")
                .put("characterClass", "FIGHTER").put("experience", 0).put("level", 1).put("visibility", "PRIVATE")
                .put("status", "ACTIVE").put("version", 1);
        ObjectNode attributes = state.putObject("attributes");
        for (String name : List.of("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")) {
            attributes.put(name, 10);
        }
        state.set("effectiveAttributes", attributes.deepCopy());
        state.putArray("equipment");
        state.putArray("skills");
        return state;
    }

    // ---- ours: the HTTP API ----------------------------------------------------------------------

    /** The benchmark's users, their tokens and the characters each one owns, on one service. */
    private record Clients(Http http, String[] tokens, List<List<String>> owned) {

        /** One gameplay change by client {@code t}. */
        void change(int t) throws Exception {
            Bench.change(http, tokens[t], owned.get(t));
        }

        /** The changes committed and the transactions that committed them so far, by the service's metric; null if it has none. */
        double[] batches() throws Exception {
            String metrics = http.text("/actuator/prometheus");
            if (metrics == null) {
                return null;
            }
            double sum = Double.NaN;
            double count = Double.NaN;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("characters_commands_batch_size_changes_sum")) {
                    sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("characters_commands_batch_size_changes_count")) {
                    count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return Double.isNaN(sum) || Double.isNaN(count) ? null : new double[] {sum, count};
        }

        /** A GET of one of client {@code t}'s characters, its current state or ({@code page}) a page of its versions. */
        void read(int t, boolean page) throws Exception {
            List<String> mine = owned.get(t);
            String id = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
            http.exchange("GET", "/api/v1/characters/" + id + (page ? "/versions?size=20" : ""), tokens[t], null, 200);
        }
    }

    private static Clients clients(ServiceProcess service) throws Exception {
        Http http = new Http(service.base);
        String[] tokens = new String[CLIENTS];
        List<List<String>> owned = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String name = "bench" + i + "x" + UUID.randomUUID().toString().substring(0, 6);
            http.send("POST", "/api/v1/users", null, "{\"username\":\"" + name + "\",\"email\":\"" + name
                    + "@example.com\",\"password\":\"benchmark password\"}", 201);
            tokens[i] = http.send("POST", "/api/v1/sessions", null, "{\"login\":\"" + name
                    + "\",\"password\":\"benchmark password\"}", 201).path("token").asText();
            owned.add(new ArrayList<>());
        }
        for (int c = 0; c < CHARACTERS; c++) {
            JsonNode created = http.send("POST", "/api/v1/characters", tokens[c % CLIENTS],
                    "{\"name\":\"Hero " + c + "\",\"race\":\"ELF\",\"characterClass\":\"RANGER\"}", 201);
            owned.get(c % CLIENTS).add(created.path("id").asText());
        }
        return new Clients(http, tokens, owned);
    }

    /**
     * Changes and reads, not measured, until the service's JIT compilers have gone quiet: rounds of 10 s of changes and
     * 5 s of reads, for at least {@code bench.warmup} seconds and then until two rounds in a row compiled for under
     * 5 % of one core, at most {@code bench.warmupMax} seconds. On two cores the compilers took a quarter of the
     * machine for the first two minutes of writes: a figure measured then is the JIT's and not the service's.
     */
    private static void warmUp(Clients clients, long servicePid) throws Exception {
        if (WARMUP <= 0) {
            return;
        }
        long started = System.nanoTime();
        int quietRounds = 0;
        while (true) {
            double compiling = compilerMs(servicePid);
            clients.batches(); // a measured load reads the metrics before and after it: their code compiled here too
            Load.run(CLIENTS, 10, clients::change);
            Load.run(CLIENTS, 5, t -> clients.read(t, t % 2 == 0));
            compiling = compilerMs(servicePid) - compiling;
            double seconds = (System.nanoTime() - started) / 1e9;
            quietRounds = servicePid <= 0 || compiling < 0.05 * 15_000 ? quietRounds + 1 : 0;
            boolean quiet = quietRounds >= 2;
            if (seconds >= WARMUP && quiet || seconds >= WARMUP_MAX) {
                System.out.printf("  (warmed the service up: %.0f s of changes and reads, not measured; its JIT compilers"
                        + " took %.0f ms of CPU in the last 15 s%s)%n", seconds, compiling, quiet ? "" : ", still busy");
                return;
            }
        }
    }

    /** CPU milliseconds the JIT compiler threads of a process have used. */
    private static double compilerMs(long pid) {
        return pid <= 0 ? 0 : Cpu.threads(pid).entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** One repetition of the writes. */
    private void oursWrites(Clients clients, ServiceProcess service, int rep) throws Exception {
        double[] before = clients.batches();
        Load.Result writes = cpu("ours: changes", service.pid(), () -> Load.run(CLIENTS, SECONDS, clients::change));
        recordBatches("ours", before, clients.batches());
        record("ours: HTTP changes/s, 32 clients, 1,000 characters", writes.perSecond());
        record("ours: change p50 (ms)", writes.p50Millis());
        record("ours: change p99 (ms)", writes.p99Millis());
        if (writes.failures() > 0) {
            System.out.println("  write failures in run " + rep + ": " + writes.failures());
        }
    }

    /** The reads and the long history, once the writes are done. */
    private void oursReads(Clients clients, ServiceProcess service) throws Exception {
        record("ours: service peak RSS after the write load (MB)", service.peakRssMb());
        for (int rep = 0; rep < REPS; rep++) {
            Load.Result reads = cpu("ours: GET character", service.pid(),
                    () -> Load.run(CLIENTS, SECONDS, t -> clients.read(t, false)));
            record("ours: GET character, requests/s", reads.perSecond());
            record("ours: GET character p50 (ms)", reads.p50Millis());
            record("ours: GET character p99 (ms)", reads.p99Millis());
            Load.Result pages = Load.run(CLIENTS, SECONDS, t -> clients.read(t, true));
            record("ours: GET versions page, requests/s", pages.perSecond());
            record("ours: GET versions page p99 (ms)", pages.p99Millis());
        }
        longHistory(clients.http(), clients.tokens()[0]);
    }

    /** One gameplay change through the HTTP API: 60 % experience, 20 % rename, 20 % attributes. */
    private static void change(Http http, String token, List<String> mine) throws Exception {
        String id = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
        int dice = ThreadLocalRandom.current().nextInt(10);
        if (dice < 6) {
            http.exchange("POST", "/api/v1/characters/" + id + "/experience", token,
                    "{\"amount\":" + (1 + dice * 17) + ",\"reason\":\"quest\"}", 200);
        } else if (dice < 8) {
            http.exchange("PUT", "/api/v1/characters/" + id + "/name", token, "{\"name\":\"Hero " + dice + "\"}", 200);
        } else {
            http.exchange("PUT", "/api/v1/characters/" + id + "/attributes", token, "{\"strength\":" + (8 + dice) + "}", 200);
        }
    }

    /**
     * Two builds side by side: {@code jar} ("this") and {@code against}, each a process on a database of its own on
     * the one server, both started, filled and warmed up before anything is timed. Then {@code bench.reps} rounds
     * (at least 6), each a slice of changes and a slice of GETs on either build, in the order A B, then B A, so that
     * a machine whose speed drifts (this one swings by up to 2x within minutes) weighs on both alike. The idle build
     * costs nothing while the other is measured. Reported: the median of each build's slices and the median of the
     * rounds' ratios this / against, the figure to judge a lever by.
     */
    private void compare(Path jar, Path against, LocalPostgres pg) throws Exception {
        int rounds = Math.max(6, REPS);
        Path thisLog = Files.createTempFile("bench-this", ".log");
        Path againstLog = Files.createTempFile("bench-against", ".log");
        System.out.printf("comparing %s (this) with %s (against), %d rounds of %d s slices%n", jar, against, rounds,
                SECONDS);
        try (ServiceProcess mine = ServiceProcess.start(jar, pg.url("service"), freePort(), thisLog);
             ServiceProcess theirs = ServiceProcess.start(against, pg.url("against"), freePort(), againstLog,
                     System.getProperty("bench.againstJvmArgs", System.getProperty("bench.serviceJvmArgs", "")))) {
            Map<String, ServiceProcess> services = new LinkedHashMap<>();
            services.put("this", mine);
            services.put("against", theirs);
            Map<String, Clients> clients = new LinkedHashMap<>();
            for (Map.Entry<String, ServiceProcess> service : services.entrySet()) {
                clients.put(service.getKey(), clients(service.getValue()));
                warmUp(clients.get(service.getKey()), service.getValue().pid());
            }
            for (int round = 0; round < rounds; round++) {
                List<String> order = round % 2 == 0 ? List.of("against", "this") : List.of("this", "against");
                for (String build : order) {
                    Clients on = clients.get(build);
                    double[] before = on.batches();
                    Load.Result writes = cpu(build + ": changes", services.get(build).pid(),
                            () -> Load.run(CLIENTS, SECONDS, on::change));
                    recordBatches(build, before, on.batches());
                    record(build + ": HTTP changes/s", writes.perSecond());
                    record(build + ": change p99 (ms)", writes.p99Millis());
                }
                for (String build : order) {
                    Clients on = clients.get(build);
                    Load.Result reads = cpu(build + ": GET character", services.get(build).pid(),
                            () -> Load.run(CLIENTS, SECONDS, t -> on.read(t, false)));
                    record(build + ": GET character, requests/s", reads.perSecond());
                    record(build + ": GET character p99 (ms)", reads.p99Millis());
                }
            }
        }
        report();
        System.out.println();
        for (String figure : List.of("HTTP changes/s", "change p99 (ms)", "changes: service CPU ms an operation",
                "changes: PostgreSQL CPU ms an operation", "changes: machine's CPU left idle (%)",
                "GET character, requests/s", "GET character p99 (ms)",
                "GET character: service CPU ms an operation")) {
            List<Double> ratios = new ArrayList<>();
            List<Double> these = figures.get("this: " + figure);
            List<Double> those = figures.get("against: " + figure);
            if (these == null || those == null) {
                continue;
            }
            for (int i = 0; i < these.size(); i++) {
                ratios.add(these.get(i) / those.get(i));
            }
            ratios.sort(Double::compare);
            System.out.printf("this / against, %-44s median of rounds %5.2f  (rounds %s)%n", figure,
                    ratios.get(ratios.size() / 2), ratios.stream().map(r -> String.format("%.2f", r)).toList());
        }
    }

    private void longHistory(Http http, String token) throws Exception {
        String old = http.send("POST", "/api/v1/characters", token,
                "{\"name\":\"Old Hand\",\"race\":\"HUMAN\",\"characterClass\":\"BARD\"}", 201).path("id").asText();
        long started = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> fills = new ArrayList<>();
        for (int i = 1; i < LONG_HISTORY; i++) {
            fills.add(pool.submit(() -> http.exchange("POST", "/api/v1/characters/" + old + "/experience", token,
                    "{\"amount\":1,\"reason\":\"grind\"}", 200)));
        }
        for (java.util.concurrent.Future<?> fill : fills) {
            fill.get();
        }
        pool.shutdown();
        System.out.printf("  (built a %d-event history on one character in %.1f s)%n", LONG_HISTORY,
                (System.nanoTime() - started) / 1e9);
        for (int rep = 0; rep < REPS; rep++) {
            // any version of the long history: one in sixteen is stored whole, the others are folded on read
            Load.Result versions = Load.run(CLIENTS, SECONDS, t -> http.exchange("GET", "/api/v1/characters/" + old
                    + "/versions/" + (1 + ThreadLocalRandom.current().nextInt(LONG_HISTORY)), token, null, 200));
            record("ours: GET a version of the long history, requests/s", versions.perSecond());
            record("ours: GET a version of the long history p99 (ms)", versions.p99Millis());
        }
        for (int rep = 0; rep < REPS; rep++) {
            String fresh = http.send("POST", "/api/v1/characters", token,
                    "{\"name\":\"New Blood\",\"race\":\"HUMAN\",\"characterClass\":\"BARD\"}", 201).path("id").asText();
            double[] medians = sequentialMedians(http, token, old, fresh);
            record("ours: change latency, " + LONG_HISTORY + "-event character, median (ms)", medians[0]);
            record("ours: change latency, new character, median (ms)", medians[1]);
        }
    }

    /**
     * Median latency of 200 sequential changes on each character, taken in turns (one change on each, then again), so
     * that a machine whose speed drifts weighs on both alike.
     */
    private static double[] sequentialMedians(Http http, String token, String... ids) throws Exception {
        int n = 200;
        long[][] nanos = new long[ids.length][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < ids.length; c++) {
                long start = System.nanoTime();
                http.exchange("POST", "/api/v1/characters/" + ids[c] + "/experience", token,
                        "{\"amount\":1,\"reason\":\"probe\"}", 200);
                nanos[c][i] = System.nanoTime() - start;
            }
        }
        double[] medians = new double[ids.length];
        for (int c = 0; c < ids.length; c++) {
            java.util.Arrays.sort(nanos[c]);
            medians[c] = Load.percentile(nanos[c], 0.5);
        }
        return medians;
    }

    /** Runs a load and records the CPU milliseconds that each operation cost the service, the clients and PostgreSQL. */
    private Load.Result cpu(String label, long servicePid, java.util.concurrent.Callable<Load.Result> load) throws Exception {
        if (label == null) {
            return load.call();
        }
        Cpu.Sample before = Cpu.sample(servicePid);
        long[] machineBefore = Cpu.machine();
        double compilingBefore = compilerMs(servicePid);
        Map<String, Double> threadsBefore = servicePid > 0 ? Cpu.threads(servicePid) : Map.of();
        Load.Result result = load.call();
        Cpu.Sample spent = Cpu.sample(servicePid).minus(before);
        long[] machineAfter = Cpu.machine();
        if (servicePid > 0 && Boolean.getBoolean("bench.threads")) {
            Map<String, Double> after = Cpu.threads(servicePid);
            after.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)))
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                    .forEach(e -> System.out.printf("    %-24s %8.0f ms CPU%n", e.getKey(), e.getValue()));
        }
        double ops = Math.max(1, result.operations());
        if (servicePid > 0) {
            record(label + ": service CPU ms an operation", spent.serviceMs() / ops);
            record(label + ": service JIT compilers' CPU ms in the run", compilerMs(servicePid) - compilingBefore);
        }
        record(label + ": client CPU ms an operation", spent.clientMs() / ops);
        record(label + ": PostgreSQL CPU ms an operation", spent.postgresMs() / ops);
        if (machineAfter[1] > machineBefore[1]) {
            // what the cores did not do: near 0, the load is bound by CPU; well above, by waits (the disk, a queue)
            record(label + ": machine's CPU left idle (%)",
                    100.0 * (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]));
        }
        return result;
    }

    // ---- report ----------------------------------------------------------------------------------

    /** The changes a transaction took during a load, if the service counts them. */
    private void recordBatches(String build, double[] before, double[] after) {
        if (before != null && after != null && after[1] > before[1]) {
            record(build + ": changes a transaction", (after[0] - before[0]) / (after[1] - before[1]));
        }
    }

    private void record(String figure, double value) {
        figures.computeIfAbsent(figure, k -> new ArrayList<>()).add(value);
        System.out.printf("  %-62s %12s%n", figure, format(value));
    }

    /**
     * A figure as printed: three decimals under 1 (a CPU millisecond an operation, 0.06 ms of which two decimals told
     * only to within a sixth), two under 10, one above.
     */
    static String format(double value) {
        double size = Math.abs(value);
        return String.format(size < 1 && size > 0 ? "%.3f" : size < 10 ? "%.2f" : "%.1f", value);
    }

    /**
     * Ours' changes/s over a baseline's, repetition by repetition (each pair ran one after the other), and their
     * median: drift between repetitions then weighs on both sides of each ratio alike.
     */
    private String byRepetition(String baseline) {
        List<Double> these = figures.get("ours: HTTP changes/s, 32 clients, 1,000 characters");
        List<Double> those = figures.get(baseline);
        if (these == null || those == null || these.size() != those.size()) {
            return "";
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < these.size(); i++) {
            ratios.add(these.get(i) / those.get(i));
        }
        List<Double> sorted = new ArrayList<>(ratios);
        sorted.sort(Double::compare);
        return String.format("; repetition by repetition %s, median %.2f",
                ratios.stream().map(r -> String.format("%.2f", r)).toList(), sorted.get(sorted.size() / 2));
    }

    private double median(String figure) {
        List<Double> values = new ArrayList<>(figures.getOrDefault(figure, List.of()));
        if (values.isEmpty()) {
            return Double.NaN;
        }
        values.sort(Double::compare);
        return values.get(values.size() / 2);
    }

    private void report() {
        System.out.println();
        System.out.printf("%-62s %12s   %s%n", "figure (median of runs)", "median", "runs");
        figures.forEach((name, runs) -> System.out.printf("%-62s %12s   %s%n", name, format(median(name)), runs.stream()
                .map(Bench::format).toList()));
        double ours = median("ours: HTTP changes/s, 32 clients, 1,000 characters");
        System.out.println();
        if (figures.containsKey("scale: projection rebuild (events/s)")) {
            System.out.printf("ratio rebuild / batched ceiling for as many rows       %6.2f  (target >= 0.6, and >= 30,000 events/s)%n",
                    median("scale: projection rebuild (events/s)") / median("scale: batched ceiling for as many rows (rows/s)"));
            System.out.printf("restore in all, read tables included                 %6.1f s (target <= 60 s)%n",
                    median("scale: restore in all, read tables included (s)"));
        }
        if (Double.isNaN(ours)) {
            return;
        }
        System.out.printf("ratio HTTP changes/s / CRUD peer changes/s          %6.2f  (target >= 1.5)%s%n",
                ours / median("CRUD peer: changes/s, 32 threads"), byRepetition("CRUD peer: changes/s, 32 threads"));
        System.out.printf("ratio HTTP changes/s / one-row-a-transaction ceiling %6.2f  (target >= 0.5)%s%n",
                ours / median("ceiling: one row a transaction, 32 threads (rows/s)"),
                byRepetition("ceiling: one row a transaction, 32 threads (rows/s)"));
        System.out.printf("ratio long-history / new-character change latency   %6.2f  (target <= 1.2)%n",
                median("ours: change latency, " + LONG_HISTORY + "-event character, median (ms)")
                        / median("ours: change latency, new character, median (ms)"));
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Connection> connections(String url, int n) throws Exception {
        List<Connection> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(DriverManager.getConnection(url));
        }
        return list;
    }

    private static void close(List<Connection> connections) throws Exception {
        for (Connection c : connections) {
            c.close();
        }
    }
}
