package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorAnswersTest extends ServiceTest {

    @Test
    void anUnknownPathIsAProblemNotFound() {
        Answer api404 = assertProblem(api.get("/api/v1/no-such-thing", null), 404);
        assertThat(api404.text("instance")).isEqualTo("/api/v1/no-such-thing");
        assertProblem(api.get("/no-such-page", null), 404);
    }

    @Test
    void anIdThatIsNotAUuidIsAProblemNamingIt() {
        User user = api.signUp();

        Answer answer = assertFieldRejected(api.get("/api/v1/characters/not-a-uuid", user.token()), "id");

        assertThat(answer.text("detail")).contains("UUID");
        assertFieldRejected(api.put("/api/v1/characters/12345/name", user.token(),
                Api.map("name", "X")), "id");
        assertFieldRejected(api.get("/api/v1/characters/not-a-uuid/versions", null), "id");
    }

    @Test
    void problemsCarryTheirRequestPathAsInstance() {
        User user = api.signUp();

        Answer answer = assertProblem(api.get("/api/v1/characters?size=0", user.token()), 400);

        assertThat(answer.text("instance")).isEqualTo("/api/v1/characters");
        assertThat(answer.text("title")).isNotBlank();
        assertThat(answer.text("detail")).isNotBlank();
    }

    @Test
    void aClientAcceptingOnlyJsonStillGetsAProblem() {
        Answer answer = api.raw("GET", "/api/v1/users/me", null, null, null, "Accept", "application/json");

        assertProblem(answer, 401);
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithTheTypeExpected() {
        User user = api.signUp();

        Answer uuid = assertFieldRejected(api.post("/api/v1/characters", user.token(), Api.map("name", "Typed",
                "race", "DWARF", "characterClass", "FIGHTER", "templateId", "not-a-uuid")), "templateId");
        Answer array = assertFieldRejected(api.post("/api/v1/skills", admin().token(), Api.map("id", "typed-skill",
                "name", "Typed", "category", "COMBAT", "prerequisites", "swordplay")), "prerequisites");

        assertThat(uuid.text("detail")).contains("expected a UUID");
        assertThat(array.text("detail")).contains("expected an array");
    }

    @Test
    void aPathTomcatRefusesIsAProblemWithItsPathAndARequestId() {
        Answer refused = assertProblem(api.get("/api/v1/characters/a%00b", null), 400);

        assertThat(refused.text("instance")).isEqualTo("/api/v1/characters/a%00b");
        assertThat(refused.text("requestId")).isNotBlank().isEqualTo(refused.header("X-Request-Id"));
        Answer named = api.raw("GET", "/api/v1/characters/a%2Fb", null, null, null, "X-Request-Id", "client-42");
        assertThat(assertProblem(named, 400).text("requestId")).isEqualTo("client-42");
    }

    @Test
    void aTraceIsA405ProblemThatEchoesNothing() {
        User user = api.signUp();

        Answer trace = assertProblem(api.raw("TRACE", "/api/v1/users/me", user.token(), null, null), 405);

        assertThat(trace.response().body()).doesNotContain(user.token()).doesNotContain("Authorization");
        assertThat(trace.header("Allow")).contains("GET").doesNotContain("TRACE");
        // everything the connection carries back, not only the length the answer declared
        String whole = rawExchange("TRACE /api/v1/users/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + user.token() + "\r\nConnection: close\r\n\r\n");
        assertThat(whole).startsWith("HTTP/1.1 405").contains("application/problem+json")
                .doesNotContain(user.token()).doesNotContainIgnoringCase("authorization:");
        assertThat(assertProblem(api.raw("TRACE", "/api/v1/characters", null, null, null), 405).text("instance"))
                .isEqualTo("/api/v1/characters");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        assertProblem(api.get("/error", null), 404);
    }

    private String rawExchange(String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
