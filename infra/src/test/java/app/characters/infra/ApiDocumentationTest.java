package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.ApiContract;
import app.characters.infra.support.ApiContract.Call;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiDocumentationTest extends ServiceTest {

    @Test
    void theOpenApiDocumentHasEveryCallOfTheContract() {
        Set<Call> documented = documentedCalls(apiDocs());

        Set<Call> missing = Call.missing(ApiContract.calls(), documented);

        assertThat(ApiContract.calls()).hasSizeGreaterThan(25);
        assertThat(missing).as("calls of API.md absent from /v3/api-docs").isEmpty();
    }

    @Test
    void callsThatNeedATokenUseTheBearerSchemeAndTheCallerIsNoParameter() {
        JsonNode docs = apiDocs();
        assertThat(docs.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");

        assertThat(security(docs, "/api/v1/characters", "post")).containsExactly("bearer");
        assertThat(security(docs, "/api/v1/users/me", "get")).containsExactly("bearer");
        assertThat(security(docs, "/api/v1/sessions", "post")).isEmpty();
        assertThat(security(docs, "/api/v1/public/characters", "get")).isEmpty();
        // readable anonymously when public, and by the owner with a token
        assertThat(security(docs, "/api/v1/characters/{id}", "get")).containsExactlyInAnyOrder("", "bearer");

        Set<String> parameters = new HashSet<>();
        docs.path("paths").forEach(path -> path.forEach(operation ->
                operation.path("parameters").forEach(p -> parameters.add(p.path("name").asText()))));
        assertThat(parameters).contains("id", "page", "size", "If-Match")
                .doesNotContain("actor", "viewer", "userId", "role", "sessionId");
    }

    @Test
    void swaggerUiIsServed() {
        Answer redirect = api.get("/swagger-ui.html", null);
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).contains("/swagger-ui/index.html");

        Answer page = api.get(location.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().body()).contains("swagger-ui");
        Answer config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text("url")).isEqualTo("/v3/api-docs");
    }

    @Test
    void requestsHttpHasASampleOfEveryCall() throws IOException {
        // the tests run in infra/, the samples sit at the root of the repository
        String samples = Files.readString(Path.of("..", "requests.http"));
        Set<Call> sampled = new HashSet<>();
        Matcher request = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) \\{\\{host}}(/[^\\s?]*)", Pattern.MULTILINE)
                .matcher(samples);
        while (request.find()) {
            sampled.add(Call.of(request.group(1), request.group(2).replaceAll("\\{\\{[^}]*}}", "{}")));
        }
        Set<Call> missing = Call.missing(ApiContract.calls(), sampled);
        assertThat(missing).as("calls of API.md without a sample in requests.http").isEmpty();
    }

    private JsonNode apiDocs() {
        Answer docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text("openapi")).startsWith("3.");
        return docs.body();
    }

    private static Set<Call> documentedCalls(JsonNode docs) {
        Set<Call> calls = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> calls.add(Call.of(method, path.getKey())));
        }
        return calls;
    }

    /** The scheme names an operation accepts; "" stands for the empty requirement (no token). */
    private static Set<String> security(JsonNode docs, String path, String method) {
        JsonNode operation = docs.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path + " is documented").isFalse();
        Set<String> schemes = new HashSet<>();
        operation.path("security").forEach(requirement -> {
            if (requirement.isEmpty()) {
                schemes.add("");
            }
            requirement.fieldNames().forEachRemaining(schemes::add);
        });
        return schemes;
    }
}
