package app.characters.infra.trust;

import static app.characters.infra.trust.AuthorizationMatrixTest.Kind.NONE;
import static app.characters.infra.trust.AuthorizationMatrixTest.Kind.PRIVATE;
import static app.characters.infra.trust.AuthorizationMatrixTest.Kind.PUBLIC;
import static app.characters.infra.trust.AuthorizationMatrixTest.Kind.RETIRED_PRIVATE;
import static app.characters.infra.trust.AuthorizationMatrixTest.Kind.RETIRED_PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Who may do what: every endpoint of the contract, asked by nobody, by the owner, by another user and
 * by the admin, on a private, a public and a retired character. The table below is the whole rule
 * set; the test runs each cell against the service and prints the matrix.
 *
 * An admin is just another user for characters: only the skill catalogue needs the ADMIN role.
 */
class AuthorizationMatrixTest extends ServiceTest {

    enum Kind { NONE, PRIVATE, PUBLIC, RETIRED_PUBLIC, RETIRED_PRIVATE }

    enum Who { ANONYMOUS, OWNER, OTHER, ADMIN }

    /** The statuses expected on one kind of character, per caller. */
    record Expect(Kind kind, int anonymous, int owner, int other, int admin) {
        int of(Who who) {
            return switch (who) {
                case ANONYMOUS -> anonymous;
                case OWNER -> owner;
                case OTHER -> other;
                case ADMIN -> admin;
            };
        }
    }

    /** What a path or body may name: the character of the cell, its items, the owner's templates. */
    record Refs(UUID id, UUID equipped, UUID loose, UUID privateTemplate, UUID publicTemplate, String loginTarget) {
        String path(String template) {
            return template.replace("{id}", String.valueOf(id))
                    .replace("{equipped}", String.valueOf(equipped))
                    .replace("{loose}", String.valueOf(loose))
                    .replace("{privateTemplate}", privateTemplate.toString())
                    .replace("{publicTemplate}", publicTemplate.toString())
                    .replace("{now}", Instant.now().toString());
        }
    }

    record Row(String method, String path, Function<Refs, Object> body, boolean freshSession, String note,
               List<Expect> expects) {
        boolean changes() {
            return !method.equals("GET");
        }

        /** Signs the caller in anew, for a row that ends the session it is called with. */
        Row inFreshSession() {
            return new Row(method, path, body, true, note, expects);
        }

        /** Tells rows of one path apart in the printed matrix. */
        Row note(String text) {
            return new Row(method, path, body, freshSession, text, expects);
        }

        String label() {
            return path + (note == null ? "" : " (" + note + ")");
        }
    }

    private static Row row(String method, String path, Function<Refs, Object> body, Expect... expects) {
        return new Row(method, path, body, false, null, List.of(expects));
    }

    private static Expect on(Kind kind, int anonymous, int owner, int other, int admin) {
        return new Expect(kind, anonymous, owner, other, admin);
    }

    private static final String C = "/api/v1/characters/{id}";

    // @formatter:off
    private static final List<Row> MATRIX = List.of(
        // accounts and sessions: nothing here is about someone else's data
        row("POST",   "/api/v1/users", r -> newUser(),                                  on(NONE, 201, 201, 201, 201)),
        row("POST",   "/api/v1/sessions", r -> Api.map("login", r.loginTarget(), "password", Api.PASSWORD),
                                                                                         on(NONE, 201, 201, 201, 201)),
        row("GET",    "/api/v1/users/me", r -> null,                                    on(NONE, 401, 200, 200, 200)),
        row("DELETE", "/api/v1/sessions/current", r -> null,                            on(NONE, 401, 204, 204, 204))
                .inFreshSession(),
        row("POST",   "/api/v1/password-resets", r -> Api.map("email", uniqueTag() + "@example.com"),
                                                                                         on(NONE, 202, 202, 202, 202)),
        row("POST",   "/api/v1/password-resets/confirm",
                      r -> Api.map("token", UUID.randomUUID() + ".unknownunknownunknown", "newPassword", "a brand new password"),
                                                                                         on(NONE, 400, 400, 400, 400))
                .note("an unknown token"),
        // the skill catalogue: anyone reads it, only an admin adds to it
        row("GET",    "/api/v1/skills", r -> null,                                      on(NONE, 200, 200, 200, 200)),
        row("POST",   "/api/v1/skills", r -> Api.map("id", uniqueTag(), "name", "Matrix Skill", "category", "MAGIC"),
                                                                                         on(NONE, 401, 403, 403, 201)),
        // templates: the owner's private ones are the owner's alone
        row("GET",    "/api/v1/templates", r -> null,                                   on(NONE, 401, 200, 200, 200)),
        row("GET",    "/api/v1/templates/{privateTemplate}", r -> null,                 on(NONE, 401, 200, 404, 404)),
        row("GET",    "/api/v1/templates/{publicTemplate}", r -> null,                  on(NONE, 401, 200, 200, 200)),
        row("POST",   "/api/v1/characters", r -> Api.map("name", "From template", "templateId", r.privateTemplate()),
                                                                                         on(NONE, 401, 201, 404, 404))
                .note("from the private template"),
        row("POST",   "/api/v1/characters", r -> Api.map("name", "From template", "templateId", r.publicTemplate()),
                                                                                         on(NONE, 401, 201, 201, 201))
                .note("from the public template"),
        // characters
        row("POST",   "/api/v1/characters", r -> Api.map("name", "Fresh", "race", "ELF", "characterClass", "BARD"),
                                                                                         on(NONE, 401, 201, 201, 201)),
        row("GET",    "/api/v1/characters", r -> null,                                  on(NONE, 401, 200, 200, 200)),
        row("GET",    "/api/v1/public/characters", r -> null,                           on(NONE, 200, 200, 200, 200)),
        row("GET",    C, r -> null,                                                     on(PRIVATE, 404, 200, 404, 404),
                                                                                         on(PUBLIC, 200, 200, 200, 200),
                                                                                         on(RETIRED_PUBLIC, 410, 200, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 404, 200, 404, 404)),
        row("GET",    C + "?asOf={now}", r -> null,                                     on(PRIVATE, 404, 200, 404, 404),
                                                                                         on(PUBLIC, 200, 200, 200, 200),
                                                                                         on(RETIRED_PUBLIC, 410, 200, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 404, 200, 404, 404)),
        row("GET",    C + "/versions", r -> null,                                       on(PRIVATE, 404, 200, 404, 404),
                                                                                         on(PUBLIC, 200, 200, 200, 200),
                                                                                         on(RETIRED_PUBLIC, 410, 200, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 404, 200, 404, 404)),
        row("GET",    C + "/versions/1", r -> null,                                     on(PRIVATE, 404, 200, 404, 404),
                                                                                         on(PUBLIC, 200, 200, 200, 200),
                                                                                         on(RETIRED_PUBLIC, 410, 200, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 404, 200, 404, 404)),
        row("GET",    C + "/versions/2/diff?from=1", r -> null,                         on(PRIVATE, 404, 200, 404, 404),
                                                                                         on(PUBLIC, 200, 200, 200, 200),
                                                                                         on(RETIRED_PUBLIC, 410, 200, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 404, 200, 404, 404)),
        row("PUT",    C + "/name", r -> Api.map("name", "Renamed"),                     on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("PUT",    C + "/attributes", r -> Api.map("strength", 17),                  on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("POST",   C + "/experience", r -> Api.map("amount", 50, "reason", "matrix"), on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("PUT",    C + "/visibility", r -> Api.map("visibility", "PUBLIC"),          on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("POST",   C + "/revert", r -> Api.map("version", 1),                        on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("POST",   C + "/equipment", r -> item("Helm", "HELMET"),                    on(PRIVATE, 401, 201, 404, 404),
                                                                                         on(PUBLIC, 401, 201, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("PUT",    C + "/equipment/{loose}/equipped", r -> null,                     on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("DELETE", C + "/equipment/{equipped}/equipped", r -> null,                  on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("DELETE", C + "/equipment/{equipped}", r -> null,                           on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("POST",   C + "/skills", r -> Api.map("skillId", "archery"),                on(PRIVATE, 401, 201, 404, 404),
                                                                                         on(PUBLIC, 401, 201, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        row("PUT",    C + "/skills/swordplay", r -> Api.map("proficiency", "APPRENTICE"), on(PRIVATE, 401, 200, 404, 404),
                                                                                         on(PUBLIC, 401, 200, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)),
        // saving a template is not a change to the character: its owner may still do it once retired
        row("POST",   C + "/template", r -> Api.map("name", "Build", "visibility", "PRIVATE"),
                                                                                         on(PRIVATE, 401, 201, 404, 404),
                                                                                         on(PUBLIC, 401, 201, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 201, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 201, 404, 404)),
        row("DELETE", C, r -> null,                                                     on(PRIVATE, 401, 204, 404, 404),
                                                                                         on(PUBLIC, 401, 204, 403, 403),
                                                                                         on(RETIRED_PUBLIC, 401, 409, 410, 410),
                                                                                         on(RETIRED_PRIVATE, 401, 409, 404, 404)));
    // @formatter:on

    @Value("${ADMIN_USERNAME}")
    private String adminUsername;

    @Value("${ADMIN_PASSWORD}")
    private String adminPassword;

    private User owner;
    private User other;
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        owner = api.signUp();
        other = api.signUp();
        User loginTarget = api.signUp();
        tokens.put(Who.OWNER, owner.token());
        tokens.put(Who.OTHER, other.token());
        tokens.put(Who.ADMIN, login(adminUsername, adminPassword));

        Refs templates = templates();
        Map<Kind, Refs> shared = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Refs character = kind == NONE ? templates : character(kind, templates);
            shared.put(kind, new Refs(character.id(), character.equipped(), character.loose(),
                    templates.privateTemplate(), templates.publicTemplate(), loginTarget.username()));
        }

        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        lines.add(String.format("%-7s %-62s %-16s %-12s %-12s %-12s %-12s", "method", "path", "character",
                "anonymous", "owner", "another user", "admin"));
        int cells = 0;
        for (Row row : MATRIX) {
            for (Expect expect : row.expects()) {
                Refs refs = shared.get(expect.kind());
                boolean active = expect.kind() == PRIVATE || expect.kind() == PUBLIC;
                if (row.changes() && active) {
                    // the owner's change must not disturb the next row: each row gets its own character
                    Refs fresh = character(expect.kind(), templates);
                    refs = new Refs(fresh.id(), fresh.equipped(), fresh.loose(), refs.privateTemplate(),
                            refs.publicTemplate(), refs.loginTarget());
                }
                Map<Who, String> shown = new EnumMap<>(Who.class);
                // the owner goes last, so that the others meet the character as the table describes it
                for (Who who : List.of(Who.ANONYMOUS, Who.OTHER, Who.ADMIN, Who.OWNER)) {
                    int expected = expect.of(who);
                    String problem = cell(row, refs, who, expected);
                    cells++;
                    shown.put(who, problem == null ? String.valueOf(expected) : expected + " GOT " + problem);
                    if (problem != null) {
                        failures.add(row.method() + " " + row.label() + " on " + expect.kind() + " as " + who
                                + ": expected " + expected + ", got " + problem);
                    }
                }
                lines.add(String.format("%-7s %-62s %-16s %-12s %-12s %-12s %-12s", row.method(), row.label(),
                        expect.kind() == NONE ? "-" : expect.kind(), shown.get(Who.ANONYMOUS), shown.get(Who.OWNER),
                        shown.get(Who.OTHER), shown.get(Who.ADMIN)));
            }
        }
        System.out.println("Authorization matrix (" + cells + " cells):");
        lines.forEach(System.out::println);

        assertThat(cells).isGreaterThan(300);
        assertThat(failures).as("cells that differ from the table").isEmpty();
    }

    /** Runs one cell; answers null when it went as expected, else what happened instead. */
    private String cell(Row row, Refs refs, Who who, int expected) {
        String token = tokens.get(who);
        if (row.freshSession() && token != null) {
            token = who == Who.ADMIN ? login(adminUsername, adminPassword)
                    : login((who == Who.OWNER ? owner : other).username(), Api.PASSWORD);
        }
        String path = refs.path(row.path());
        Object body = row.body().apply(refs);
        long events = eventCount();
        Answer answer = switch (row.method()) {
            case "GET" -> api.get(path, token);
            case "DELETE" -> api.delete(path, token);
            case "PUT" -> body == null ? api.raw("PUT", path, token, null, null) : api.put(path, token, body);
            case "POST" -> api.post(path, token, body);
            default -> throw new IllegalArgumentException(row.method());
        };
        if (answer.status() != expected) {
            return answer.status() + " " + answer.body().path("detail").asText("");
        }
        if (answer.status() >= 400) {
            if (!String.valueOf(answer.contentType()).startsWith("application/problem+json")
                    || answer.body().path("status").asInt() != answer.status()) {
                return answer.status() + " without a problem+json body";
            }
            if (eventCount() != events) {
                return answer.status() + " but an event was stored";
            }
        }
        return null;
    }

    private String login(String login, String password) {
        Answer session = api.post("/api/v1/sessions", null, Api.map("login", login, "password", password));
        assertThat(session.status()).as("login of %s: %s", login, session.body()).isEqualTo(201);
        return session.text("token");
    }

    /** A private and a public template of the owner's. */
    private Refs templates() {
        UUID source = api.createCharacter(owner, "Template source").id();
        UUID privateTemplate = saveTemplate(source, "PRIVATE");
        UUID publicTemplate = saveTemplate(source, "PUBLIC");
        return new Refs(null, null, null, privateTemplate, publicTemplate, null);
    }

    private UUID saveTemplate(UUID character, String visibility) {
        Answer saved = api.post(path(character) + "/template", owner.token(),
                Api.map("name", visibility + " build", "visibility", visibility));
        assertThat(saved.status()).as("template: %s", saved.body()).isEqualTo(201);
        return saved.id();
    }

    /**
     * A character of the owner's of that kind: it carries an equipped sword and a loose ring and
     * knows swordplay, so each change of the table has something to work on.
     */
    private Refs character(Kind kind, Refs templates) {
        UUID id = api.createCharacter(owner, kind + " hero").id();
        UUID sword = acquire(id, "Sword", "WEAPON");
        assertThat(api.raw("PUT", path(id) + "/equipment/" + sword + "/equipped", owner.token(), null, null).status())
                .isEqualTo(200);
        UUID ring = acquire(id, "Ring", "RING");
        assertThat(api.post(path(id) + "/skills", owner.token(), Api.map("skillId", "swordplay")).status())
                .isEqualTo(201);
        if (kind == PUBLIC || kind == RETIRED_PUBLIC) {
            assertThat(api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", "PUBLIC")).status())
                    .isEqualTo(200);
        }
        if (kind == RETIRED_PUBLIC || kind == RETIRED_PRIVATE) {
            assertThat(api.delete(path(id), owner.token()).status()).isEqualTo(204);
        }
        return new Refs(id, sword, ring, templates.privateTemplate(), templates.publicTemplate(), null);
    }

    private UUID acquire(UUID id, String name, String type) {
        Answer acquired = api.post(path(id) + "/equipment", owner.token(), item(name, type));
        assertThat(acquired.status()).as("item: %s", acquired.body()).isEqualTo(201);
        for (JsonNode item : acquired.body().path("equipment")) {
            if (item.path("name").asText().equals(name)) {
                return UUID.fromString(item.path("id").asText());
            }
        }
        throw new AssertionError("no " + name + " in " + acquired.body());
    }

    private static Map<String, Object> item(String name, String type) {
        return Api.map("name", name, "type", type, "rarity", "COMMON", "weight", 2.5,
                "statModifiers", Api.map("strength", 1));
    }

    private static Map<String, Object> newUser() {
        String name = uniqueTag();
        return Api.map("username", name, "email", name + "@example.com", "password", Api.PASSWORD);
    }
}
