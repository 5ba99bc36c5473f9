package app.characters.infra.trust;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import app.characters.kernel.account.AccountRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thousands of generated malformed requests over every endpoint: wrong types, nulls, missing and
 * unknown fields, huge strings and numbers, bad enum values, broken JSON, wrong content types,
 * oversized bodies, SQL and odd Unicode, bad ids, query parameters, headers and methods.
 * No answer may be a 5xx, every refusal is a problem+json carrying its own status, and a refused
 * request stores nothing. The generator is seeded: {@code -Dfuzz.seed=N} replays or explores.
 */
class MalformedRequestFuzzTest extends ServiceTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_124L);
    private static final int INVALID_CASES = 1_200;
    private static final int ODD_VALID_CASES = 150;
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SQL = List.of(
            "' OR '1'='1", "'; DROP TABLE domain_event_entry; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5) --",
            "x' UNION SELECT password_hash FROM user_account --", "%' --", "$$; DELETE FROM character_summary; $$",
            "\\'; TRUNCATE user_session; --", "admin'--", "1) OR (1=1");

    private static final List<String> ODD = List.of(
            "\u202Egnp.exe", "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD", "e" + "\u0301".repeat(40),
            "Z\u0337\u0322\u031Ba\u0334l\u0338g\u0335o", "\uD83D\uDC09\uD83D\uDD25", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\uD83C\uDDFA\uD83C\uDDE6", "a\u200Bb", "\uFEFFbom", "\uD800", "\uDFFF", "x\uDC00\uD800y", "\u0000",
            "nul\u0000in", "\u0007bell", "line\u2028sep\u2029", "\uFFFF\uFFFE", "\uD835\uDD73\uD835\uDD8A",
            "\uFF30\uFF35\uFF22\uFF2C\uFF29\uFF23", "PUBL\u0130C", "\t\n\r", " ");

    private static final List<String> NON_BLANK_ODD = ODD.stream().filter(text -> !text.isBlank()).toList();

    enum Kind { FREE_TEXT, STRICT_TEXT, INT, LONG, NUMBER, ENUM, OBJECT, ARRAY }

    /** A body field; {@code name} may be dotted for a nested one. */
    record Field(String name, Kind kind, boolean required, List<String> allowed) {
    }

    enum Auth { NONE, OWNER, ADMIN }

    /** An endpoint that reads a JSON body, with a body it would accept. */
    record BodyEndpoint(String method, String path, Auth auth, boolean readsIfMatch, Supplier<Map<String, Object>> valid,
                        List<Field> fields) {
    }

    /** A raw JSON number or literal, written as is. */
    record Raw(String text) {
    }

    /** One request, all of it, so that a failure can be replayed. */
    record Req(String category, String method, String path, String token, String contentType, byte[] body,
               boolean chunked, List<String> headers) {
        String describe() {
            StringBuilder out = new StringBuilder(category).append(": ").append(method).append(' ').append(path);
            if (token != null) {
                out.append("\n    Authorization: Bearer <token>");
            }
            for (int i = 0; i + 1 < headers.size(); i += 2) {
                out.append("\n    ").append(headers.get(i)).append(": ").append(printable(headers.get(i + 1)));
            }
            if (contentType != null) {
                out.append("\n    Content-Type: ").append(contentType);
            }
            if (body != null) {
                String text = new String(body, StandardCharsets.UTF_8);
                out.append("\n    body (").append(body.length).append(" bytes").append(chunked ? ", chunked" : "")
                        .append("): ").append(printable(text.length() > 400 ? text.substring(0, 400) + "..." : text));
            }
            return out.toString();
        }
    }

    record Response(int status, String contentType, String text, JsonNode json) {
    }

    @LocalServerPort
    private int port;

    @Value("${ADMIN_USERNAME}")
    private String adminUsername;

    @Value("${ADMIN_PASSWORD}")
    private String adminPassword;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Random random;
    private User owner;
    private String adminToken;
    private UUID character;
    private UUID templateId;
    private UUID equipped;
    private UUID loose;
    private List<BodyEndpoint> bodyEndpoints;

    @BeforeEach
    void fixture() {
        random = new Random(SEED);
        owner = api.signUp();
        character = publicCharacter(owner, "Fuzz target");
        equipped = acquire("Sword", "WEAPON");
        assertThat(api.raw("PUT", path(character) + "/equipment/" + equipped + "/equipped", owner.token(), null, null)
                .status()).isEqualTo(200);
        loose = acquire("Ring", "RING");
        assertThat(api.post(path(character) + "/skills", owner.token(), Api.map("skillId", "swordplay")).status())
                .isEqualTo(201);
        Answer template = api.post(path(character) + "/template", owner.token(), Api.map("name", "Fuzz build"));
        assertThat(template.status()).isEqualTo(201);
        templateId = template.id();
        bodyEndpoints = bodyEndpoints();
    }

    @Test
    void malformedRequestsAreRefusedCleanlyAndStoreNothing() {
        Answer session = api.post("/api/v1/sessions", null, Api.map("login", adminUsername, "password", adminPassword));
        assertThat(session.status()).isEqualTo(201);
        adminToken = session.text("token");
        System.out.println("fuzz seed: " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        long eventsBefore = eventCount();

        List<Req> requests = new ArrayList<>(edgeCases());
        for (int i = 0; i < INVALID_CASES; i++) {
            requests.add(invalidRequest());
        }
        for (int i = 0; i < requests.size(); i++) {
            Req req = requests.get(i);
            long events = eventCount();
            Response answer = send(req);
            statuses.computeIfAbsent(req.category(), c -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
            String problem = check(req, answer);
            if (problem == null && answer.status() / 100 == 2 && !req.method().equals("GET")) {
                problem = "an invalid request was accepted";
            }
            if (problem == null && eventCount() != events) {
                problem = "a refused request stored an event";
            }
            if (problem != null) {
                failures.add("#" + i + " " + problem + " (" + answer.status() + " " + abbreviate(answer.text()) + ")\n  "
                        + req.describe());
            }
        }

        System.out.println("fuzzed " + requests.size() + " invalid requests, statuses by category: " + statuses);
        failures.forEach(System.out::println);
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(eventCount()).as("events stored by invalid requests").isEqualTo(eventsBefore);
        assertThat(statuses.keySet()).contains("unknown field", "missing field", "null field", "wrong type",
                "huge string", "huge number", "bad enum", "invalid JSON", "content type", "oversized", "SQL",
                "odd unicode", "bad id", "bad query", "bad header", "bad method");
        assertThat(statuses.get("oversized")).containsOnlyKeys(413);
        assertThat(statuses.get("content type")).containsOnlyKeys(415);
        assertThat(statuses.get("bad method")).containsOnlyKeys(405);
        assertThat(statuses.get("edge")).containsOnlyKeys(400);
    }

    /** Requests that once failed, or that only Tomcat sees, sent on every run whatever the seed. */
    private List<Req> edgeCases() {
        String c = path(character);
        List<Req> edges = new ArrayList<>();
        // refused by Tomcat before the service: an encoded slash, backslash or NUL, a path that is not UTF-8
        for (String junk : List.of("a%2Fb", "a%5Cb", "a%00b", "%C0%AF", "%FF")) {
            edges.add(plain("GET", "/api/v1/characters/" + junk, owner.token()));
            edges.add(json("PUT", "/api/v1/characters/" + junk + "/name", owner.token(), Map.of("name", "Edge")));
        }
        // times ISO-8601 can write and PostgreSQL cannot compare
        for (String time : List.of("-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z", "0000-12-31T23:59:59Z",
                "%2B10000-01-01T00:00:00Z", "-4714-11-24T00:00:00Z")) {
            edges.add(plain("GET", c + "?asOf=" + time, owner.token()));
        }
        return edges.stream().map(req -> new Req("edge", req.method(), req.path(), req.token(), req.contentType(),
                req.body(), false, req.headers())).toList();
    }

    @Test
    void oddButPossiblyValidTextIsStoredFaithfullyOrRefusedCleanly() {
        System.out.println("fuzz seed: " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < ODD_VALID_CASES; i++) {
            String name = oddText();
            Req req = jsonRequest("odd text", "PUT", path(character) + "/name", owner.token(), Map.of("name", name),
                    random.nextBoolean());
            long events = eventCount();
            Response answer = send(req);
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = check(req, answer);
            long stored = eventCount() - events;
            if (problem == null && answer.status() == 200) {
                String read = api.get(path(character), owner.token()).text("name");
                if (stored != 1) {
                    problem = "a rename stored " + stored + " events";
                } else if (!read.equals(name.strip())) {
                    problem = "the name reads back as " + printable(read) + " instead of " + printable(name.strip());
                }
            } else if (problem == null && stored != 0) {
                problem = "a refused rename stored " + stored + " events";
            }
            if (problem != null) {
                failures.add("#" + i + " " + problem + " (" + answer.status() + " " + abbreviate(answer.text()) + ")\n  "
                        + req.describe());
            }
        }
        System.out.println("renamed to " + ODD_VALID_CASES + " odd names, statuses: " + statuses);
        failures.forEach(System.out::println);
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(statuses).containsKey(200);
    }

    @Test
    void aLoneSurrogateIsRefusedNamingItsFieldWhileAProperPairIsKept() {
        long events = eventCount();

        Answer name = assertFieldRejected(api.raw("PUT", path(character) + "/name", owner.token(), "application/json",
                "{\"name\":\"Lone \\ud800\"}"), "name");
        assertThat(name.text("detail")).contains("Unicode");
        assertFieldRejected(api.raw("POST", path(character) + "/experience", owner.token(), "application/json",
                "{\"amount\":1,\"reason\":\"\\udfff\\ud800\"}"), "reason");
        assertFieldRejected(api.raw("POST", "/api/v1/users", null, "application/json",
                "{\"username\":\"lone\",\"email\":\"lone@example.com\",\"password\":\"a long password \\udc00\"}"),
                "password");
        assertThat(eventCount()).isEqualTo(events);

        Answer paired = api.raw("PUT", path(character) + "/name", owner.token(), "application/json",
                "{\"name\":\"Dragon \\ud83d\\udc09\"}");
        assertThat(paired.status()).isEqualTo(200);
        assertThat(api.get(path(character), owner.token()).text("name")).isEqualTo("Dragon \uD83D\uDC09");
    }

    @Test
    void aNumberWhereTextBelongsIsCalledAWrongType() {
        Answer answer = assertFieldRejected(api.raw("POST", path(character) + "/experience", owner.token(),
                "application/json", "{\"amount\":5,\"reason\":5}"), "reason");

        assertThat(answer.text("detail")).contains("wrong type").doesNotContain("NUL");
    }

    @Test
    void anEnumValueWithSpacesAroundItIsRefused() {
        long events = eventCount();

        assertFieldRejected(api.put(path(character) + "/visibility", owner.token(), Api.map("visibility", " PUBLIC ")),
                "visibility");
        assertFieldRejected(api.post("/api/v1/characters", owner.token(),
                Api.map("name", "Padded", "race", "ELF ", "characterClass", "WIZARD")), "race");

        assertThat(eventCount()).isEqualTo(events);
    }

    // checks

    /** What is wrong with the answer, or null when it is a clean one. */
    private static String check(Req req, Response answer) {
        if (answer.status() >= 500) {
            return "5xx";
        }
        if (answer.status() / 100 == 2) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "a refusal that is not problem+json (" + answer.contentType() + ")";
        }
        if (answer.json() == null || answer.json().path("status").asInt() != answer.status()) {
            return "a problem whose status is not the answer's";
        }
        String request = new String(req.body() == null ? new byte[0] : req.body(), StandardCharsets.UTF_8) + req.path();
        for (String leak : List.of("Exception", "java.", "org.", "at app.", "SQLState", "jakarta.")) {
            if (answer.text().contains(leak) && !request.contains(leak)) {
                return "the answer shows the service's insides (" + leak + ")";
            }
        }
        return null;
    }

    // the generator

    private Req invalidRequest() {
        return switch (random.nextInt(16)) {
            case 0 -> bodyMutation("unknown field");
            case 1 -> bodyMutation("missing field");
            case 2 -> bodyMutation("null field");
            case 3 -> bodyMutation("wrong type");
            case 4 -> bodyMutation("huge string");
            case 5 -> bodyMutation("huge number");
            case 6 -> bodyMutation("bad enum");
            case 7 -> invalidJson();
            case 8 -> wrongContentType();
            case 9 -> oversized();
            case 10 -> bodyMutation("SQL");
            case 11 -> bodyMutation("odd unicode");
            case 12 -> badId();
            case 13 -> badQuery();
            case 14 -> badHeader();
            default -> badMethod();
        };
    }

    private Req bodyMutation(String category) {
        for (int attempt = 0; ; attempt++) {
            BodyEndpoint endpoint = pick(bodyEndpoints);
            Map<String, Object> body = endpoint.valid().get();
            List<String> headers = new ArrayList<>();
            List<Field> candidates = endpoint.fields().stream().filter(f -> applies(category, f)).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            Field field = pick(candidates);
            switch (category) {
                case "unknown field" -> set(body, unknownFieldName(endpoint), randomScalar());
                case "missing field" -> remove(body, field.name());
                case "null field" -> set(body, field.name(), null);
                case "wrong type" -> set(body, field.name(), wrongType(field.kind()));
                case "huge string" -> set(body, field.name(), hugeString(20_000 + random.nextInt(40_000)));
                case "huge number" -> set(body, field.name(), hugeNumber(field.kind()));
                // spaces around a good value are left out: they are read as the value (see the disabled test below)
                case "bad enum" -> set(body, field.name(), pick(List.of("NOPE", field.allowed().get(0).toLowerCase(),
                        "0", "1", "null", field.allowed().get(0) + "\u200B", "_" + field.allowed().get(0),
                        field.allowed().get(0) + "S", pick(SQL), pick(NON_BLANK_ODD))));
                default -> {
                    // a blank enum value reads as none, which is fine for an optional one
                    String value = pick(category.equals("SQL") ? SQL : field.kind() == Kind.ENUM ? NON_BLANK_ODD : ODD);
                    set(body, field.name(), value);
                    if (field.kind() == Kind.FREE_TEXT) {
                        spoil(endpoint, field, body, headers);
                    }
                }
            }
            String json = json(body, random.nextBoolean());
            if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BODY - 16) {
                json = json.substring(0, MAX_BODY / 2) + "\"}";
            }
            return new Req(category, endpoint.method(), endpoint.path(), token(endpoint.auth()), "application/json",
                    json.getBytes(StandardCharsets.UTF_8), random.nextInt(4) == 0, headers);
        }
    }

    private static boolean applies(String category, Field field) {
        return switch (category) {
            case "missing field", "null field" -> field.required();
            case "huge number" -> field.kind() != Kind.OBJECT && field.kind() != Kind.ARRAY;
            case "bad enum" -> field.kind() == Kind.ENUM;
            case "SQL", "odd unicode" -> field.kind() == Kind.FREE_TEXT || field.kind() == Kind.STRICT_TEXT
                    || field.kind() == Kind.ENUM;
            default -> true;
        };
    }

    /** Makes a body whose free text may be acceptable fail on something else, so that it stays invalid. */
    private void spoil(BodyEndpoint endpoint, Field field, Map<String, Object> body, List<String> headers) {
        if (endpoint.readsIfMatch()) {
            headers.add("If-Match");
            headers.add(pick(List.of("\"0\"", "\"-1\"", "\"abc\"", "\"999999\"")));
        } else if (endpoint.path().equals("/api/v1/users")) {
            body.put("username", "x");
        } else if (endpoint.path().equals("/api/v1/characters")) {
            if (body.containsKey("templateId")) {
                body.put("race", "ELF");
            } else {
                body.remove("race");
            }
        } else if (endpoint.path().equals("/api/v1/skills")) {
            body.put("minLevel", 0);
        } else if (endpoint.path().equals("/api/v1/password-resets")) {
            if (AccountRules.validEmail((String) body.get("email"))) {
                body.put("email", body.get("email") + " x");
            }
        } else if (endpoint.path().endsWith("/template")) {
            body.put("visibility", "SECRET");
        }
        // a login or a reset confirmation with odd text is refused by itself: no such account, no such token
    }

    private Req invalidJson() {
        BodyEndpoint endpoint = pick(bodyEndpoints);
        String valid = json(endpoint.valid().get(), false);
        String broken = switch (random.nextInt(17)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> valid.substring(0, 1 + random.nextInt(valid.length() - 1));
            case 3 -> valid + "x";
            case 4 -> valid + "{}";
            case 5 -> "[" + valid + "]";
            case 6 -> "null";
            case 7 -> String.valueOf(random.nextInt());
            case 8 -> "\"just a string\"";
            case 9 -> valid.replace("\"", "'");
            case 10 -> "/* comment */" + valid;
            case 11 -> valid.substring(0, valid.length() - 1) + ",\"" + endpoint.fields().get(0).name() + "\":\"twice\"}";
            case 12 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 13 -> "{\"a\":" + "9".repeat(5_000) + "}";
            case 14 -> valid.replaceFirst(":", ":NaN,\"z\":");
            case 15 -> valid.replaceFirst("\"", "\"\u0001");
            default -> "{\"" + "k".repeat(3) + "\":\"unterminated}";
        };
        return new Req("invalid JSON", endpoint.method(), endpoint.path(), token(endpoint.auth()), "application/json",
                broken.getBytes(StandardCharsets.UTF_8), random.nextInt(4) == 0, List.of());
    }

    private Req wrongContentType() {
        BodyEndpoint endpoint = pick(bodyEndpoints);
        String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz", "application/problem+json", "text/json", "application/octet-stream",
                "image/png", "application/jsonx"));
        return new Req("content type", endpoint.method(), endpoint.path(), token(endpoint.auth()), type,
                json(endpoint.valid().get(), false).getBytes(StandardCharsets.UTF_8), false, List.of());
    }

    private Req oversized() {
        BodyEndpoint endpoint = pick(bodyEndpoints);
        Map<String, Object> body = endpoint.valid().get();
        body.put("padding", hugeString(MAX_BODY + 1 + random.nextInt(4 * MAX_BODY)));
        return new Req("oversized", endpoint.method(), endpoint.path(), token(endpoint.auth()), "application/json",
                json(body, false).getBytes(StandardCharsets.UTF_8), random.nextBoolean(), List.of());
    }

    private Req badId() {
        String junk = pick(List.of("not-a-uuid", "12345", "null", "undefined", "00000000-0000-0000-0000-00000000000g",
                encode("{" + UUID.randomUUID() + "}"), UUID.randomUUID() + "x", "x".repeat(2_000), "%2e%2e", "a%2Fb", "a%5Cb", "a%00b", "%C0%AF", "%FF", "..;x",
                encode(pick(SQL)), encode(pick(ODD)), "-1", "0", "1e3", UUID.randomUUID().toString()));
        String c = "/api/v1/characters/";
        String id = character.toString();
        List<Supplier<Req>> requests = List.of(
                () -> plain("GET", c + junk, owner.token()),
                () -> plain("DELETE", c + junk, owner.token()),
                () -> json("PUT", c + junk + "/name", owner.token(), Map.of("name", "Junk")),
                () -> json("POST", c + junk + "/experience", owner.token(), Api.map("amount", 1, "reason", "junk")),
                () -> json("PUT", c + junk + "/attributes", owner.token(), Map.of("strength", 11)),
                () -> json("PUT", c + junk + "/visibility", owner.token(), Map.of("visibility", "PUBLIC")),
                () -> json("POST", c + junk + "/revert", owner.token(), Map.of("version", 1)),
                () -> json("POST", c + junk + "/equipment", owner.token(), item()),
                () -> json("POST", c + junk + "/skills", owner.token(), Map.of("skillId", "archery")),
                () -> json("POST", c + junk + "/template", owner.token(), Map.of("name", "Junk")),
                () -> plain("PUT", c + id + "/equipment/" + junk + "/equipped", owner.token()),
                () -> plain("DELETE", c + id + "/equipment/" + junk + "/equipped", owner.token()),
                () -> plain("DELETE", c + id + "/equipment/" + junk, owner.token()),
                () -> plain("PUT", c + junk + "/equipment/" + loose + "/equipped", owner.token()),
                () -> json("PUT", c + id + "/skills/" + junk, owner.token(), Map.of("proficiency", "APPRENTICE")),
                () -> plain("GET", c + junk + "/versions", null),
                () -> plain("GET", c + id + "/versions/" + junk, owner.token()),
                () -> plain("GET", c + junk + "/versions/1/diff?from=1", owner.token()),
                () -> plain("GET", c + id + "/versions/" + junk + "/diff?from=1", owner.token()),
                () -> plain("GET", "/api/v1/templates/" + junk, owner.token()));
        Req req = pick(requests).get();
        return new Req("bad id", req.method(), req.path(), req.token(), req.contentType(), req.body(), false, req.headers());
    }

    private Req badQuery() {
        String c = path(character);
        String page = pick(List.of("-1", "-2147483648", "2147483648", "abc", "1.5", "", "1e3", "%00",
                "99999999999999999999", "10000000&size=100", "1&page=2"));
        String size = pick(List.of("0", "101", "-1", "x", "1000000", "", "%20", "1.0", "2147483648"));
        String name = pick(List.of("a".repeat(65), "a%00b", encode(pick(SQL)), encode(pick(ODD)), "%25%5F", "%C0%AF", "%FF%FE"));
        String characterClass = pick(List.of("wizard", "NOPE", "0", "", encode(pick(SQL)), encode(pick(ODD))));
        String level = pick(List.of("0", "21", "-1", "x", "2147483648", "1.5", ""));
        String time = pick(List.of("yesterday", "2026-13-45T00:00:00Z", "", "0", "2026-11-24T10:00:00",
                encode(pick(SQL)), "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", encode(pick(ODD))));
        String version = pick(List.of("x", "0", "-1", "9223372036854775808", "", "1.0"));
        List<Supplier<Req>> requests = List.of(
                () -> plain("GET", "/api/v1/characters?page=" + page, owner.token()),
                () -> plain("GET", "/api/v1/characters?size=" + size, owner.token()),
                () -> plain("GET", "/api/v1/characters?name=" + name, owner.token()),
                () -> plain("GET", "/api/v1/characters?characterClass=" + characterClass, owner.token()),
                () -> plain("GET", "/api/v1/public/characters?minLevel=" + level, null),
                () -> plain("GET", "/api/v1/public/characters?page=" + page + "&size=" + size, null),
                () -> plain("GET", "/api/v1/public/characters?name=" + name + "&characterClass=" + characterClass, null),
                () -> plain("GET", "/api/v1/skills?category=" + characterClass, null),
                () -> plain("GET", "/api/v1/skills?size=" + size, null),
                () -> plain("GET", "/api/v1/templates?page=" + page, owner.token()),
                () -> plain("GET", c + "?asOf=" + time, owner.token()),
                () -> plain("GET", c + "/versions?size=" + size, owner.token()),
                () -> plain("GET", c + "/versions?page=" + page, null),
                () -> plain("GET", c + "/versions/2/diff?from=" + version, owner.token()),
                () -> plain("GET", c + "/versions/2/diff", owner.token()));
        Req req = pick(requests).get();
        return new Req("bad query", req.method(), req.path(), req.token(), null, null, false, List.of());
    }

    private Req badHeader() {
        String c = path(character);
        List<String> headers = new ArrayList<>();
        String token = owner.token();
        switch (random.nextInt(3)) {
            case 0 -> {
                headers.add("If-Match");
                headers.add(pick(List.of("abc", "\"\"", "\"0\"", "\"-1\"", "W/", "\"1", "1\"", "\"99999999999999999999\"",
                        "\"1\", \"2\"", "\"999999\"", "W/\"x\"", "\"1.5\"", "' OR '1'='1")));
            }
            case 1 -> {
                token = null;
                headers.add("Authorization");
                headers.add(pick(List.of("Bearer", "Bearer ", "Bearer " + UUID.randomUUID(), "Bearer " + "t".repeat(500),
                        "Basic dXNlcjpwYXNzd29yZA==", "Bearer ' OR '1'='1", "Token " + owner.token(),
                        "Bearer " + owner.token() + "x", "Bearer " + owner.token().substring(1), "Bearer null",
                        "Bearer  %00")));
            }
            default -> {
                headers.add("Accept");
                headers.add(pick(List.of("application/xml", "text/html", "image/png", "text/plain")));
                headers.add("If-Match");
                headers.add("\"0\"");
            }
        }
        List<String> targets = new ArrayList<>(List.of("PUT name", "POST experience", "PUT attributes", "DELETE",
                "PUT visibility", "POST equipment", "PUT equip", "POST skills", "POST revert"));
        if (token == null) {
            // without a valid token these are refused whatever else the request says
            targets.addAll(List.of("GET me", "DELETE session", "GET templates", "POST skill", "POST template"));
        }
        String method = pick(targets);
        Req req = switch (method) {
            case "GET me" -> plain("GET", "/api/v1/users/me", null);
            case "DELETE session" -> plain("DELETE", "/api/v1/sessions/current", null);
            case "GET templates" -> plain("GET", "/api/v1/templates", null);
            case "POST skill" -> json("POST", "/api/v1/skills", null, Api.map("id", uniqueTag(), "name", "Header",
                    "category", "MAGIC"));
            case "POST template" -> json("POST", c + "/template", null, Map.of("name", "Header"));
            case "PUT name" -> json("PUT", c + "/name", token, Map.of("name", "Header"));
            case "POST experience" -> json("POST", c + "/experience", token, Api.map("amount", 1, "reason", "header"));
            case "PUT attributes" -> json("PUT", c + "/attributes", token, Map.of("strength", 12));
            case "DELETE" -> plain("DELETE", c, token);
            case "PUT visibility" -> json("PUT", c + "/visibility", token, Map.of("visibility", "PUBLIC"));
            case "POST equipment" -> json("POST", c + "/equipment", token, item());
            case "PUT equip" -> plain("PUT", c + "/equipment/" + loose + "/equipped", token);
            case "POST skills" -> json("POST", c + "/skills", token, Map.of("skillId", "archery"));
            default -> json("POST", c + "/revert", token, Map.of("version", 1));
        };
        return new Req("bad header", req.method(), req.path(), req.token(), req.contentType(), req.body(), false, headers);
    }

    private Req badMethod() {
        String c = path(character);
        List<String[]> wrong = List.of(
                new String[] {"PATCH", c}, new String[] {"PUT", "/api/v1/characters"}, new String[] {"DELETE", "/api/v1/users/me"},
                new String[] {"POST", c + "/versions"}, new String[] {"PROPFIND", c}, new String[] {"PUT", "/api/v1/skills"},
                new String[] {"DELETE", "/api/v1/templates"}, new String[] {"GET", "/api/v1/sessions"},
                new String[] {"PATCH", c + "/name"}, new String[] {"GET", c + "/experience"},
                new String[] {"POST", "/api/v1/users/me"}, new String[] {"PUT", "/api/v1/password-resets"},
                new String[] {"GET", "/api/v1/password-resets/confirm"}, new String[] {"DELETE", "/api/v1/skills"});
        String[] pair = pick(wrong);
        return new Req("bad method", pair[0], pair[1], owner.token(), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), false, List.of());
    }

    // the endpoints that read a body, each with a body it accepts

    private List<BodyEndpoint> bodyEndpoints() {
        String c = path(character);
        List<String> races = List.of("HUMAN", "ELF", "DWARF");
        List<String> classes = List.of("WIZARD", "ROGUE", "BARD");
        List<String> visibilities = List.of("PUBLIC", "PRIVATE");
        return List.of(
                new BodyEndpoint("POST", "/api/v1/users", Auth.NONE, false, () -> {
                    String name = uniqueTag();
                    return mutable("username", name, "email", name + "@example.com", "password", Api.PASSWORD);
                }, List.of(new Field("username", Kind.STRICT_TEXT, true, null),
                        new Field("email", Kind.FREE_TEXT, true, null), new Field("password", Kind.FREE_TEXT, true, null))),
                new BodyEndpoint("POST", "/api/v1/sessions", Auth.NONE, false,
                        () -> mutable("login", uniqueTag(), "password", Api.PASSWORD),
                        List.of(new Field("login", Kind.FREE_TEXT, true, null),
                                new Field("password", Kind.FREE_TEXT, true, null))),
                new BodyEndpoint("POST", "/api/v1/password-resets", Auth.NONE, false,
                        () -> mutable("email", "nobody@example.com"),
                        List.of(new Field("email", Kind.FREE_TEXT, true, null))),
                new BodyEndpoint("POST", "/api/v1/password-resets/confirm", Auth.NONE, false,
                        () -> mutable("token", UUID.randomUUID() + ".fuzzfuzzfuzzfuzzfuzzfuzz", "newPassword", "a long new password"),
                        List.of(new Field("token", Kind.FREE_TEXT, true, null),
                                new Field("newPassword", Kind.FREE_TEXT, true, null))),
                new BodyEndpoint("POST", "/api/v1/characters", Auth.OWNER, false,
                        () -> mutable("name", "Fuzzed", "race", "ELF", "characterClass", "WIZARD",
                                "attributes", mutable("strength", 12, "wisdom", 14)),
                        List.of(new Field("name", Kind.FREE_TEXT, true, null), new Field("race", Kind.ENUM, true, races),
                                new Field("characterClass", Kind.ENUM, true, classes),
                                new Field("attributes", Kind.OBJECT, false, null),
                                new Field("attributes.strength", Kind.INT, false, null))),
                new BodyEndpoint("POST", "/api/v1/characters", Auth.OWNER, false,
                        () -> mutable("name", "From template", "templateId", templateId.toString()),
                        List.of(new Field("name", Kind.FREE_TEXT, true, null),
                                new Field("templateId", Kind.STRICT_TEXT, true, null))),
                new BodyEndpoint("PUT", c + "/name", Auth.OWNER, true, () -> mutable("name", "Renamed"),
                        List.of(new Field("name", Kind.FREE_TEXT, true, null))),
                new BodyEndpoint("PUT", c + "/attributes", Auth.OWNER, true, () -> mutable("strength", 13),
                        List.of(new Field("strength", Kind.INT, true, null))),
                new BodyEndpoint("POST", c + "/experience", Auth.OWNER, true, () -> mutable("amount", 10, "reason", "quest"),
                        List.of(new Field("amount", Kind.LONG, true, null), new Field("reason", Kind.FREE_TEXT, true, null))),
                new BodyEndpoint("PUT", c + "/visibility", Auth.OWNER, true, () -> mutable("visibility", "PUBLIC"),
                        List.of(new Field("visibility", Kind.ENUM, true, visibilities))),
                new BodyEndpoint("POST", c + "/revert", Auth.OWNER, true, () -> mutable("version", 1),
                        List.of(new Field("version", Kind.LONG, true, null))),
                new BodyEndpoint("POST", c + "/equipment", Auth.OWNER, true, this::item,
                        List.of(new Field("name", Kind.FREE_TEXT, true, null),
                                new Field("type", Kind.ENUM, true, List.of("HELMET", "RING")),
                                new Field("rarity", Kind.ENUM, true, List.of("RARE", "COMMON")),
                                new Field("weight", Kind.NUMBER, true, null),
                                new Field("statModifiers", Kind.OBJECT, false, null),
                                new Field("statModifiers.strength", Kind.INT, false, null))),
                new BodyEndpoint("POST", c + "/skills", Auth.OWNER, true, () -> mutable("skillId", "archery"),
                        List.of(new Field("skillId", Kind.STRICT_TEXT, true, null))),
                new BodyEndpoint("PUT", c + "/skills/swordplay", Auth.OWNER, true, () -> mutable("proficiency", "APPRENTICE"),
                        List.of(new Field("proficiency", Kind.ENUM, true, List.of("APPRENTICE", "ADEPT")))),
                new BodyEndpoint("POST", c + "/template", Auth.OWNER, false,
                        () -> mutable("name", "Fuzz build", "visibility", "PRIVATE"),
                        List.of(new Field("name", Kind.FREE_TEXT, true, null),
                                new Field("visibility", Kind.ENUM, false, visibilities))),
                new BodyEndpoint("POST", "/api/v1/skills", Auth.ADMIN, false,
                        () -> mutable("id", uniqueTag(), "name", "Fuzz Skill", "category", "MAGIC", "minLevel", 2,
                                "prerequisites", new ArrayList<>(List.of(mutable("skillId", "arcane-lore",
                                        "minProficiency", "NOVICE")))),
                        List.of(new Field("id", Kind.STRICT_TEXT, true, null), new Field("name", Kind.FREE_TEXT, true, null),
                                new Field("category", Kind.ENUM, true, List.of("MAGIC", "COMBAT")),
                                new Field("minLevel", Kind.INT, false, null),
                                new Field("prerequisites", Kind.ARRAY, false, null))));
    }

    private Map<String, Object> item() {
        return mutable("name", "Helm", "type", "HELMET", "rarity", "RARE", "weight", 3.5,
                "statModifiers", mutable("strength", 1, "wisdom", -1));
    }

    // values

    private String unknownFieldName(BodyEndpoint endpoint) {
        String name = pick(List.of("extra", "Name", "NAME", "__proto__", "constructor", "ownerId", "version", "id",
                "role", "isAdmin", "password_hash", "", " ", "name ", "\u202Ename", "\uD83D\uDC09", pick(SQL)));
        boolean known = endpoint.fields().stream().anyMatch(f -> f.name().equals(name));
        return known ? name + "_" : name;
    }

    private Object randomScalar() {
        return pick(List.of(1, "x", true, new Raw("null"), 1.5, List.of(), Map.of()));
    }

    private Object wrongType(Kind kind) {
        List<Object> choices = switch (kind) {
            case FREE_TEXT, STRICT_TEXT, ENUM -> List.of(10, 10.5, true, false, List.of("x"), Map.of("a", 1),
                    new Raw("-0"), new Raw("1e3"));
            case INT, LONG -> List.of("10", "", 10.5, new Raw("1e1"), new Raw("1.0"), true, List.of(1), Map.of("v", 1),
                    "0x10", new Raw("-0.0"));
            case NUMBER -> List.of("2.5", "", true, List.of(1.5), Map.of("kg", 2), "NaN", "Infinity");
            case OBJECT -> List.of("x", 5, true, List.of(1, 2), List.of(Map.of("strength", 1)));
            case ARRAY -> List.of("arcane-lore", 5, true, Map.of("skillId", "arcane-lore"),
                    List.of("arcane-lore"), List.of(1));
        };
        return pick(choices);
    }

    private Object hugeNumber(Kind kind) {
        List<String> huge = new ArrayList<>(List.of("2147483648", "-2147483649", "9223372036854775808",
                "-9223372036854775809", "123456789012345678901234567890", "1e400", "-1e400", "1e308",
                "1.7976931348623157E309", "99999999999", "1" + "0".repeat(500)));
        if (kind != Kind.NUMBER) {
            // for a weight these round to 0, which is a fine weight
            huge.addAll(List.of("4.9e-325", "0." + "0".repeat(500) + "1"));
        }
        return new Raw(pick(huge));
    }

    private String hugeString(int length) {
        StringBuilder out = new StringBuilder(length);
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        while (out.length() < length) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A name from odd pieces: SQL, direction marks, combining marks, emoji, lone surrogates, plain letters. */
    private String oddText() {
        StringBuilder out = new StringBuilder();
        int pieces = 1 + random.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            out.append(pick(List.of(pick(ODD), pick(SQL), "Ab", "\u00C9lodie", "\uD83D\uDC09".repeat(1 + random.nextInt(64)))));
        }
        return out.toString();
    }

    private String token(Auth auth) {
        return switch (auth) {
            case NONE -> null;
            case OWNER -> owner.token();
            case ADMIN -> adminToken;
        };
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Map<String, Object> mutable(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> body, String dotted, Object value) {
        String[] parts = dotted.split("\\.", 2);
        if (parts.length == 2 && body.get(parts[0]) instanceof Map<?, ?> nested) {
            set((Map<String, Object>) nested, parts[1], value);
        } else {
            body.put(dotted, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Map<String, Object> body, String dotted) {
        String[] parts = dotted.split("\\.", 2);
        if (parts.length == 2 && body.get(parts[0]) instanceof Map<?, ?> nested) {
            remove((Map<String, Object>) nested, parts[1]);
        } else {
            body.remove(dotted);
        }
    }

    // requests

    private Req plain(String method, String path, String token) {
        return new Req("", method, path, token, null, null, false, List.of());
    }

    private Req json(String method, String path, String token, Map<String, Object> body) {
        return jsonRequest("", method, path, token, body, false);
    }

    private static Req jsonRequest(String category, String method, String path, String token, Map<String, Object> body,
                                   boolean escapeUnicode) {
        return new Req(category, method, path, token, "application/json",
                json(body, escapeUnicode).getBytes(StandardCharsets.UTF_8), false, List.of());
    }

    private Response send(Req req) {
        HttpRequest.BodyPublisher publisher = req.body() == null ? HttpRequest.BodyPublishers.noBody()
                : req.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(req.body()))
                : HttpRequest.BodyPublishers.ofByteArray(req.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + req.path()))
                .timeout(Duration.ofSeconds(30)).method(req.method(), publisher);
        if (req.token() != null) {
            builder.header("Authorization", "Bearer " + req.token());
        }
        if (req.contentType() != null) {
            builder.header("Content-Type", req.contentType());
        }
        for (int i = 0; i + 1 < req.headers().size(); i += 2) {
            builder.header(req.headers().get(i), req.headers().get(i + 1));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            JsonNode json;
            try {
                json = text.isBlank() ? null : JSON.readTree(text);
            } catch (IOException notJson) {
                json = null;
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), text,
                    json);
        } catch (IOException e) {
            throw new AssertionError("no answer to\n  " + req.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID acquire(String name, String type) {
        Answer acquired = api.post(path(character) + "/equipment", owner.token(), Api.map("name", name, "type", type,
                "rarity", "COMMON", "weight", 1.0));
        assertThat(acquired.status()).isEqualTo(201);
        for (JsonNode item : acquired.body().path("equipment")) {
            if (item.path("name").asText().equals(name)) {
                return UUID.fromString(item.path("id").asText());
            }
        }
        throw new AssertionError("no " + name);
    }

    // writing JSON by hand, so that lone surrogates and NUL go out as escapes

    static String json(Object value, boolean escapeUnicode) {
        StringBuilder out = new StringBuilder();
        write(out, value, escapeUnicode);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, boolean escapeUnicode) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"' || ch == '\\') {
                    out.append('\\').append(ch);
                } else if (ch < 0x20 || Character.isSurrogate(ch) && !pairedAt(text, i) || escapeUnicode && ch > 0x7e) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                write(out, String.valueOf(entry.getKey()), escapeUnicode);
                out.append(':');
                write(out, entry.getValue(), escapeUnicode);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i), escapeUnicode);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static boolean pairedAt(String text, int i) {
        char ch = text.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            out.append(ch < 0x20 || ch > 0x7e ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
