package app.characters.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.characters.infra.database.DatabaseSettings.InvalidDatabaseConfiguration;
import app.characters.infra.database.DatabaseSettings.Type;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static DatabaseSettings from(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return DatabaseSettings.from(env::get);
    }

    private static InvalidDatabaseConfiguration refusal(String... keyValues) {
        try {
            from(keyValues);
        } catch (InvalidDatabaseConfiguration refused) {
            return refused;
        }
        throw new AssertionError("the settings were accepted");
    }

    @Test
    void aHerokuUrlBecomesAJdbcUrlWithItsCredentialsApart() {
        DatabaseSettings settings = from("DATABASE_URL", "postgres://app:s3cret@db.example.com:6543/characters");

        assertThat(settings.type()).isEqualTo(Type.EXTERNAL);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/characters");
        assertThat(settings.username()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("s3cret");
    }

    @Test
    void thePostgresqlSchemeIsReadLikePostgres() {
        DatabaseSettings settings = from("DATABASE_URL", "postgresql://app:s3cret@db.example.com:6543/characters");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/characters");
        assertThat(settings.username()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("s3cret");
    }

    @Test
    void aHerokuUrlWithoutAPortUsesFiveFourThreeTwo() {
        assertThat(from("DATABASE_URL", "postgres://app:pw@db.example.com/characters").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:5432/characters");
    }

    @Test
    void aHerokuUrlKeepsItsSslMode() {
        assertThat(from("DATABASE_URL", "postgres://app:pw@db.example.com:5433/characters?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:5433/characters?sslmode=require");
    }

    @Test
    void aHerokuUrlsUserAndPasswordAreUrlDecoded() {
        DatabaseSettings settings = from("DATABASE_URL",
                "postgres://app%40corp:p%40ss%3Aw%2Frd%25@db.example.com/characters");

        assertThat(settings.username()).isEqualTo("app@corp");
        assertThat(settings.password()).isEqualTo("p@ss:w/rd%");
    }

    @Test
    void aPlusInAHerokuUrlsPasswordIsAPlus() {
        // in a URL's user info a '+' is itself; only form encoding reads it as a space
        assertThat(from("DATABASE_URL", "postgres://app:a+b@db.example.com/characters").password()).isEqualTo("a+b");
    }

    @Test
    void aJdbcUrlPassesThroughWithTheDbCredentials() {
        DatabaseSettings settings = from("DATABASE_URL", "jdbc:postgresql://db.example.com:5432/characters?ssl=true",
                "DB_USER", "app", "DB_PASSWORD", "s3cret");

        assertThat(settings.type()).isEqualTo(Type.EXTERNAL);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/characters?ssl=true");
        assertThat(settings.username()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("s3cret");
    }

    @Test
    void aJdbcUrlNamingItsUserInTheQueryShowsThatUser() {
        assertThat(from("DATABASE_URL", "jdbc:postgresql://db.example.com/characters?user=app&password=s3cret")
                .username()).isEqualTo("app");
        assertThat(from("DATABASE_URL", "jdbc:postgresql://db.example.com/characters?user=app", "DB_USER", "ops")
                .username()).isEqualTo("ops");
    }

    @Test
    void databaseUrlWinsOverDbHost() {
        DatabaseSettings settings = from("DATABASE_URL", "postgres://app:pw@winner.example.com/chosen",
                "DB_HOST", "loser.example.com", "DB_NAME", "ignored");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://winner.example.com:5432/chosen");
    }

    @Test
    void theDbPartsBuildTheUrl() {
        DatabaseSettings settings = from("DB_HOST", "db.internal", "DB_PORT", "6000", "DB_NAME", "rpg",
                "DB_USER", "svc", "DB_PASSWORD", "s3cret");

        assertThat(settings.type()).isEqualTo(Type.EXTERNAL);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6000/rpg");
        assertThat(settings.username()).isEqualTo("svc");
        assertThat(settings.password()).isEqualTo("s3cret");
    }

    @Test
    void theDbPartsHaveDefaults() {
        DatabaseSettings settings = from("DB_HOST", "db.internal");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/characters");
        assertThat(settings.username()).isEqualTo("postgres");
    }

    @Test
    void aDbPortThatIsNotANumberIsRefusedByName() {
        assertThat(refusal("DB_HOST", "db.internal", "DB_PORT", "http").getMessage()).contains("DB_PORT");
    }

    @Test
    void noDatabaseVariablesMeanAnEmbeddedDatabase() {
        DatabaseSettings settings = from();

        assertThat(settings.type()).isEqualTo(Type.EMBEDDED);
        assertThat(settings.jdbcUrl()).isNull();
        assertThat(from("DATABASE_URL", "  ", "DB_HOST", "").type()).isEqualTo(Type.EMBEDDED);
    }

    @Test
    void thePoolHasDefaultsAndReadsItsVariables() {
        assertThat(from().pool().maximumSize()).isEqualTo(10);
        assertThat(from().pool().minimumIdle()).isEqualTo(10);
        DatabaseSettings.Pool pool = from("DB_POOL_SIZE", "25", "DB_POOL_MIN_IDLE", "5",
                "DB_CONNECTION_TIMEOUT_MS", "5000").pool();
        assertThat(pool.maximumSize()).isEqualTo(25);
        assertThat(pool.minimumIdle()).isEqualTo(5);
        assertThat(pool.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedDatabaseUrlIsRefusedByNameWithoutItsPassword() {
        String[] malformed = {
            "postgres://app:hunter22secret@[not-a-host/characters",
            "postgres://app:hunter22secret@db.example.com",
            "postgres://app:hunter22secret@db.example.com:port/characters",
            "mysql://app:hunter22secret@db.example.com/characters",
            "postgres://app:hunter22secret@db.example.com/characters/extra",
        };
        for (String url : malformed) {
            InvalidDatabaseConfiguration refused = refusal("DATABASE_URL", url);
            assertThat(refused.getMessage()).as(url).contains("DATABASE_URL").doesNotContain("hunter22secret");
            assertThat(String.valueOf(refused.getCause())).doesNotContain("hunter22secret");
        }
    }

    @Test
    void aPoolSizeThatIsNotANumberIsRefusedByName() {
        assertThat(refusal("DB_POOL_SIZE", "abc").getMessage()).contains("DB_POOL_SIZE");
        assertThat(refusal("DB_POOL_SIZE", "0").getMessage()).contains("DB_POOL_SIZE");
        assertThat(refusal("DB_IDLE_TIMEOUT_MS", "soon").getMessage()).contains("DB_IDLE_TIMEOUT_MS");
    }

    @Test
    void theMaskedUrlAndToStringNeverShowThePassword() {
        DatabaseSettings heroku = from("DATABASE_URL", "postgres://app:hunter22secret@db.example.com/characters");
        DatabaseSettings jdbc = from("DATABASE_URL",
                "jdbc:postgresql://db.example.com/characters?user=app&password=hunter22secret&ssl=true");
        DatabaseSettings parts = from("DB_HOST", "db.internal", "DB_PASSWORD", "hunter22secret");

        for (DatabaseSettings settings : new DatabaseSettings[] {heroku, jdbc, parts}) {
            assertThat(settings.maskedUrl()).doesNotContain("hunter22secret");
            assertThat(settings.toString()).doesNotContain("hunter22secret");
        }
        assertThat(jdbc.maskedUrl()).isEqualTo("jdbc:postgresql://db.example.com/characters?user=app&password=****&ssl=true");
        assertThat(heroku.maskedUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/characters");
        assertThat(heroku.toString()).contains("db.example.com", "app");
    }

    @Test
    void anEmbeddedDatabaseKeepsItsPasswordOutOfToStringOnceStarted() {
        DatabaseSettings started = from().at("jdbc:postgresql://localhost:5555/postgres?user=postgres&password=hunter22secret");

        assertThat(started.maskedUrl()).doesNotContain("hunter22secret");
        assertThat(started.toString()).doesNotContain("hunter22secret");
    }
}
