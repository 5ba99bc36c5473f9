package app.characters.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A minimal JSON-over-HTTP client for the benchmark. It uses the JDK's {@link HttpURLConnection}, whose
 * kept-alive connections cost a fraction of the CPU of {@code java.net.http.HttpClient}: the clients share the
 * two cores with the service, so every millisecond they spend is one the service does not get.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Wire wire;

    Http(String base) {
        this.base = base;
        URI uri = URI.create(base);
        this.wire = new Wire(uri.getHost(), uri.getPort());
    }

    /** The text at this path (a GET, no token); null if it does not answer 200. */
    String text(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(base + path).openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        if (connection.getResponseCode() != 200) {
            connection.disconnect();
            return null;
        }
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request whose answer must have the expected status; its body as JSON, or null when it has none. */
    JsonNode send(String method, String path, String token, String body, int expected) throws IOException {
        byte[] answer = exchange(method, path, token, body, expected);
        return answer.length == 0 ? null : JSON.readTree(answer);
    }

    /**
     * A request of a measured load: the answer must have the expected status and is read to its end, but not parsed,
     * which would take the service's two cores for nothing the load reads. It goes over a kept-alive connection of
     * {@link Wire}'s, as a JSON client sends it: the request line, Host, Accept, Authorization and the body's type and
     * length. {@link HttpURLConnection} cost the clients 0.10 ms of CPU a change on the cores the service runs on.
     */
    byte[] exchange(String method, String path, String token, String body, int expected) throws IOException {
        Wire.Answer answer = wire.exchange(method, path, token, body);
        if (answer.status() != expected) {
            throw new IOException(method + " " + path + " answered " + answer.status() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer.body();
    }
}
