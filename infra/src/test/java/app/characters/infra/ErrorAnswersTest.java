package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
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
}
