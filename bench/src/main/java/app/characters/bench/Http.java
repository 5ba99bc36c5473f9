package app.characters.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
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

    Http(String base) {
        this.base = base;
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
     * which would take the service's two cores for nothing the load reads.
     */
    byte[] exchange(String method, String path, String token, String body, int expected) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(base + path).openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(bytes.length);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        byte[] answer = stream == null ? new byte[0] : stream.readAllBytes();
        if (stream != null) {
            stream.close(); // read to the end and closed: the connection goes back to the keep-alive cache
        }
        if (status != expected) {
            throw new IOException(method + " " + path + " answered " + status + ": "
                    + new String(answer, StandardCharsets.UTF_8));
        }
        return answer;
    }
}
