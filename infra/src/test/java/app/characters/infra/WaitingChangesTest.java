package app.characters.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.eventstore.AppendLock;
import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A change waits for its batch's commit without holding a request thread: with two of them, three changes held up
 * at the database (by the lock a backup takes) leave the service free to answer a read, and each is answered once
 * the lock is let go.
 */
@SpringBootTest(classes = CharacterService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.database.ephemeral=true", "server.tomcat.threads.max=2", "server.tomcat.threads.min-spare=1"})
class WaitingChangesTest {

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void changesWaitingForTheirCommitHoldNoRequestThread() throws Exception {
        Api api = new Api("http://localhost:" + port);
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Patient Hero").id();
        String path = "/api/v1/characters/" + id;
        long before = api.get(path, owner.token()).version();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<Answer>> changes = new ArrayList<>();
        try (Connection backup = dataSource.getConnection(); Statement statement = backup.createStatement()) {
            // what a backup does: every transaction that appends waits until this lock is let go
            statement.execute("select pg_advisory_lock(" + AppendLock.KEY + ")");
            try {
                for (int i = 0; i < 3; i++) {
                    changes.add(callers.submit(() -> api.post(path + "/experience", owner.token(),
                            Api.map("amount", 10, "reason", "waiting"))));
                }
                awaitAnAppendWaitingForTheLock();

                Answer read = callers.submit(() -> api.get(path, owner.token())).get(10, TimeUnit.SECONDS);

                assertThat(read.status()).isEqualTo(200);
                assertThat(read.version()).isEqualTo(before);
                assertThat(changes).noneMatch(Future::isDone);
            } finally {
                statement.execute("select pg_advisory_unlock(" + AppendLock.KEY + ")");
            }
        }
        for (Future<Answer> change : changes) {
            assertThat(change.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        callers.shutdown();
        Answer after = api.get(path, owner.token());
        assertThat(after.version()).isEqualTo(before + 3);
        assertThat(after.body().path("experience").asLong()).isEqualTo(30);
    }

    private void awaitAnAppendWaitingForTheLock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String waiting = "select count(*) from pg_locks where locktype = 'advisory' and not granted";
        while (jdbc.queryForObject(waiting, Long.class) == 0) {
            assertThat(System.nanoTime()).as("a change waiting for the append lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
