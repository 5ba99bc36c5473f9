package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AccountsTest extends ServiceTest {

    @Test
    void twentyConcurrentRegistrationsOfOneUsernameGiveExactlyOneAccount() throws Exception {
        String username = "race" + UUID.randomUUID().toString().substring(0, 8);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = username + i + "@example.com";
            String name = i % 2 == 0 ? username : username.toUpperCase();
            attempts.add(() -> api.post("/api/v1/users", null,
                    Api.map("username", name, "email", email, "password", Api.PASSWORD)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(jdbc.queryForObject("select count(*) from user_account where lower(username) = ?", Long.class,
                username.toLowerCase())).isEqualTo(1);
    }

    @Test
    void logoutRevokesThatTokenAtOnceAndOnlyThatOne() {
        User user = api.signUp();
        Answer second = api.post("/api/v1/sessions", null, Api.map("login", user.email(), "password", Api.PASSWORD));
        assertThat(second.status()).isEqualTo(201);

        assertThat(api.delete("/api/v1/sessions/current", user.token()).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/users/me", user.token()).status()).isEqualTo(401);
        Answer me = api.get("/api/v1/users/me", second.text("token"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(user.username());
        assertThat(me.body().has("passwordHash")).isFalse();
        assertThat(me.response().body()).doesNotContain("$2a$");
    }

    @Test
    void aSessionRevokedByAnotherNodeStopsWorkingHereWithinASecond() {
        User user = api.signUp();
        assertThat(api.get("/api/v1/users/me", user.token()).status()).isEqualTo(200);

        // what a logout on another node does: only the shared database learns of it
        assertThat(jdbc.update("update user_session set revoked_at = now() where user_id = ?", user.id())).isEqualTo(1);

        await().atMost(Duration.ofSeconds(3)).until(() -> api.get("/api/v1/users/me", user.token()).status() == 401);
    }
}
