package app.characters.infra.security;

import app.characters.kernel.account.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Login sessions. A token is 256 random bits shown once to the client; only its SHA-256 is kept,
 * which is enough for a secret of that strength and lets every request be checked by one index look-up.
 */
@Component
public class Sessions {

    public record Opened(String token, Instant expiresAt, UUID sessionId) {
        @Override
        public String toString() {
            return "Opened[sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** Every request hashes its token: the provider look-up of {@code MessageDigest.getInstance} is done once a thread. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sessions(JdbcTemplate jdbc, @Value("${app.session-ttl}") Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Opened open(UUID userId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        jdbc.update("insert into user_session (id, user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)",
                id, userId, hash(token), Timestamp.from(now), Timestamp.from(expiresAt));
        return new Opened(token, expiresAt, id);
    }

    /** The actor behind a token, if the token is known, not revoked and not expired. */
    public Optional<Actor> resolve(String token) {
        List<Actor> found = jdbc.query("""
                        select s.id, s.user_id, u.role from user_session s join user_account u on u.id = s.user_id
                        where s.token_hash = ? and s.revoked_at is null and s.expires_at > ?""",
                (rs, n) -> new Actor(rs.getObject("user_id", UUID.class), Role.valueOf(rs.getString("role")),
                        rs.getObject("id", UUID.class)),
                hash(token), Timestamp.from(clock.instant()));
        return found.stream().findFirst();
    }

    public void revoke(UUID sessionId) {
        jdbc.update("update user_session set revoked_at = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), sessionId);
    }

    public void revokeAll(UUID userId) {
        jdbc.update("update user_session set revoked_at = ? where user_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), userId);
    }

    private static byte[] hash(String token) {
        return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)); // digest() resets it for the next
    }
}
