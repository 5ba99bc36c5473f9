package app.characters.infra.seed;

import app.characters.infra.database.JdbcTransactions;
import app.characters.infra.eventstore.EventImport;
import app.characters.infra.eventstore.StoredEvent;
import app.characters.infra.progress.Progress;
import app.characters.infra.projection.ProjectionRebuild;
import app.characters.infra.security.Passwords;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the store with a plausible world for a seed. The events go through the restore's import
 * ({@link EventImport}), so an event already stored is skipped: seeding twice with one seed adds
 * nothing. The events that are new go, in the same transaction, to the projections and the account
 * claims, as a command's events would.
 */
@Component
public class Seeder {

    /** The password of every seeded user. */
    public static final String PASSWORD = "seeded-adventurer-password";
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ProjectionRebuild projections;
    private final Configuration axon;
    private final Clock clock;

    Seeder(DataSource dataSource, JdbcTransactions transactions, ProjectionRebuild projections,
           Configuration axon, Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions.template();
        this.projections = projections;
        this.axon = axon;
        this.clock = clock;
    }

    /** What a seeding did. */
    public record Seeded(int users, long characters, long generated, long inserted, Duration elapsed) {
    }

    public Seeded seed(int users, int charactersPerUser, long seed, Progress progress) {
        if (users < 0 || charactersPerUser < 0) {
            throw new IllegalArgumentException("--users and --characters-per-user must not be negative");
        }
        Instant started = clock.instant();
        SeedGenerator world = new SeedGenerator(seed, users, charactersPerUser, passwordHash(seed), axon.eventSerializer());
        long generated = 0;
        long inserted = 0;
        List<StoredEvent> batch = new ArrayList<>(BATCH);
        try (Progress.Bar bar = progress.start("seed", SeedGenerator.expectedEvents(users, charactersPerUser))) {
            while (world.hasNext()) {
                batch.add(world.next());
                if (batch.size() == BATCH) {
                    inserted += store(batch);
                    generated += batch.size();
                    bar.stepBy(batch.size());
                    batch.clear();
                }
            }
            inserted += store(batch);
            generated += batch.size();
            bar.stepBy(batch.size());
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("a seeded username or email is taken by an account of another seed or a real "
                    + "user; try another seed (" + inserted + " events were added before)", e);
        }
        return new Seeded(users, world.characters(), generated, inserted, Duration.between(started, clock.instant()));
    }

    private long store(List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Long added = transactions.execute(tx -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (var statement = connection.createStatement()) {
                // seeding again after a crash adds what is missing, so its commits need not wait for the disk
                statement.execute("set local synchronous_commit = off");
                Set<String> fresh = new EventImport(connection).insert(batch);
                projections.project(batch.stream().filter(e -> fresh.contains(e.eventIdentifier())).toList(), true);
                return (long) fresh.size();
            } catch (SQLException e) {
                throw new IllegalStateException("storing seeded events failed: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        return added == null ? 0 : added;
    }

    /** One BCrypt hash for all seeded users; its salt comes from the seed, so the events do too. */
    static String passwordHash(long seed) {
        Random random = new Random(seed ^ 0x5EED_5A17L);
        SecureRandom fromSeed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }
        };
        return BCrypt.hashpw(Passwords.digest(PASSWORD), BCrypt.gensalt(10, fromSeed));
    }
}
