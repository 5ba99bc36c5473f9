package app.characters.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the service's API, the way a game back end would call it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String PASSWORD = "a long enough password";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(String base) {
        this.base = base;
    }

    /** A signed-in user. */
    public record User(UUID id, String username, String email, String token) {
    }

    /** What came back. */
    public record Answer(int status, HttpResponse<String> response, JsonNode body) {
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String text(String field) {
            return body.path(field).asText();
        }

        public UUID id() {
            return UUID.fromString(body.path("id").asText());
        }

        public long version() {
            return body.path("version").asLong();
        }

        /** The id of the item of that name the character in this answer carries. */
        public UUID itemId(String name) {
            for (JsonNode item : body.path("equipment")) {
                if (item.path("name").asText().equals(name)) {
                    return UUID.fromString(item.path("id").asText());
                }
            }
            throw new IllegalStateException("no item named " + name + " in " + body);
        }

        /** The item of that name the character in this answer carries. */
        public JsonNode item(String name) {
            for (JsonNode item : body.path("equipment")) {
                if (item.path("name").asText().equals(name)) {
                    return item;
                }
            }
            throw new IllegalStateException("no item named " + name + " in " + body);
        }
    }

    public User signUp() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return signUp(name, name + "@example.com", PASSWORD);
    }

    public User signUp(String username, String email, String password) {
        Answer created = post("/api/v1/users", null, Map.of("username", username, "email", email, "password", password));
        if (created.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + created.status() + " " + created.body());
        }
        Answer session = post("/api/v1/sessions", null, Map.of("login", username, "password", password));
        if (session.status() != 201) {
            throw new IllegalStateException("login failed: " + session.status() + " " + session.body());
        }
        return new User(created.id(), username, email, session.text("token"));
    }

    /** An existing account, signed in by username or email. */
    public User signIn(String login, String password) {
        Answer session = post("/api/v1/sessions", null, Map.of("login", login, "password", password));
        if (session.status() != 201) {
            throw new IllegalStateException("login failed: " + session.status() + " " + session.body());
        }
        String token = session.text("token");
        Answer me = get("/api/v1/users/me", token);
        return new User(UUID.fromString(session.text("userId")), me.text("username"), me.text("email"), token);
    }

    /** A new character of the user's, at version 1. */
    public Answer createCharacter(User owner, String name) {
        Answer created = post("/api/v1/characters", owner.token(),
                Map.of("name", name, "race", "DWARF", "characterClass", "FIGHTER"));
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created.status() + " " + created.body());
        }
        return created;
    }

    /** A new item in the character's pack; the answer is the character. */
    public Answer addItem(User owner, UUID characterId, String name, String type, Map<String, Integer> modifiers) {
        Answer added = post("/api/v1/characters/" + characterId + "/equipment", owner.token(),
                item(name, type, modifiers));
        if (added.status() != 201) {
            throw new IllegalStateException("adding an item failed: " + added.status() + " " + added.body());
        }
        return added;
    }

    /** The body of a new item of common rarity. */
    public static Map<String, Object> item(String name, String type, Map<String, Integer> modifiers) {
        return map("name", name, "type", type, "rarity", "COMMON", "weight", 1.5, "statModifiers", modifiers);
    }

    public Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** {@code headers} are name, value pairs, such as {@code "If-Match", "\"3\""}. */
    public Answer delete(String path, String token, String... headers) {
        return send(withHeaders(request(path, token), headers).DELETE());
    }

    public Answer post(String path, String token, Object body, String... headers) {
        return send(withHeaders(request(path, token), headers).header("Content-Type", "application/json")
                .POST(body(body)));
    }

    public Answer put(String path, String token, Object body, String... headers) {
        return send(withHeaders(request(path, token), headers).header("Content-Type", "application/json")
                .PUT(body(body)));
    }

    /** A body sent in chunks, so that the server cannot know its length before reading it. */
    public Answer postChunked(String path, String token, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    /** Any request, with raw body and headers, for the malformed cases. */
    public Answer raw(String method, String path, String token, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path, token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(withHeaders(builder, headers));
    }

    /** A request whose body is these bytes, in whatever charset its content type names. */
    public Answer rawBytes(String method, String path, String token, String contentType, byte[] body) {
        return send(request(path, token).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : parse(text);
            return new Answer(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
