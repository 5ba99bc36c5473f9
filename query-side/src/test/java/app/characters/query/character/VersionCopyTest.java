package app.characters.query.character;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionCopyTest {

    @Test
    void timesCountMicrosecondsFromPostgresEpoch() {
        assertThat(VersionCopy.postgresMicros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(VersionCopy.postgresMicros(Instant.parse("2000-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002);
        assertThat(VersionCopy.postgresMicros(Instant.parse("1999-12-31T23:59:59Z"))).isEqualTo(-1_000_000);
    }

    @Test
    void nanosecondsRoundHalfUpAsTheDriverSendsThem() {
        assertThat(VersionCopy.postgresMicros(Instant.parse("2000-01-01T00:00:00.000000499Z"))).isZero();
        assertThat(VersionCopy.postgresMicros(Instant.parse("2000-01-01T00:00:00.000000500Z"))).isEqualTo(1);
        assertThat(VersionCopy.postgresMicros(Instant.parse("2000-01-01T00:00:00.999999500Z"))).isEqualTo(1_000_000);
    }
}
