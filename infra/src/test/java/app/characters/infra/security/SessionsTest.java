package app.characters.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.ServiceTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionsTest extends ServiceTest {

    /** A clock that moves only when told. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRememberedTokenStillDiesWithItsSession() {
        UUID userId = api.signUp().id();
        HandClock clock = new HandClock();
        Sessions sessions = new Sessions(jdbc, Duration.ofMinutes(5), clock, Duration.ofHours(1), 100);
        Sessions.Opened opened = sessions.open(userId);
        assertThat(sessions.resolve(opened.token())).map(Actor::userId).contains(userId); // remembered from here on

        clock.now = clock.now.plus(Duration.ofMinutes(5).plusMillis(1));

        assertThat(sessions.resolve(opened.token())).isEmpty();
    }

    @Test
    void aTokenNotFoundIsNotRemembered() {
        UUID userId = api.signUp().id();
        Sessions sessions = new Sessions(jdbc, Duration.ofMinutes(5), Clock.systemUTC(), Duration.ofHours(1), 100);
        Sessions.Opened opened = sessions.open(userId);
        jdbc.update("update user_session set revoked_at = now() where id = ?", opened.sessionId());
        assertThat(sessions.resolve(opened.token())).isEmpty();

        jdbc.update("update user_session set revoked_at = null where id = ?", opened.sessionId());

        assertThat(sessions.resolve(opened.token())).isPresent();
    }
}
