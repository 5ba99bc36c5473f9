package app.characters.infra.security;

import app.characters.kernel.account.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
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
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Login sessions. A token is 256 random bits shown once to the client; only its SHA-256 is kept,
 * which is enough for a secret of that strength and lets every request be checked by one index look-up.
 * A token found is remembered by its hash for {@code app.session-cache.ttl} (a second by default), so that a client's
 * stream of requests costs one look-up a second, not one each: a logout or a password reset on this node forgets it at
 * once; one on another node is seen here when that second is over. A token not found is never remembered.
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

    /** A live session as the database last said, and until when it lives. */
    private record Known(Actor actor, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<ByteBuffer, Known> known;

    Sessions(JdbcTemplate jdbc, @Value("${app.session-ttl}") Duration ttl, Clock clock,
             @Value("${app.session-cache.ttl:PT1S}") Duration cacheTtl,
             @Value("${app.session-cache.size:100000}") long cacheSize) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
        this.known = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheTtl.isZero() ? 0 : cacheSize)
                .build();
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
        ByteBuffer key = ByteBuffer.wrap(hash(token));
        Instant now = clock.instant();
        Known remembered = known.getIfPresent(key);
        if (remembered != null && remembered.expiresAt().isAfter(now)) {
            return Optional.of(remembered.actor());
        }
        List<Known> found = jdbc.query("""
                        select s.id, s.user_id, s.expires_at, u.role from user_session s
                        join user_account u on u.id = s.user_id
                        where s.token_hash = ? and s.revoked_at is null and s.expires_at > ?""",
                (rs, n) -> new Known(new Actor(rs.getObject("user_id", UUID.class), Role.valueOf(rs.getString("role")),
                        rs.getObject("id", UUID.class)), rs.getTimestamp("expires_at").toInstant()),
                key.array(), Timestamp.from(now));
        if (found.isEmpty()) {
            known.invalidate(key);
            return Optional.empty();
        }
        known.put(key, found.get(0));
        return Optional.of(found.get(0).actor());
    }

    public void revoke(UUID sessionId) {
        jdbc.update("update user_session set revoked_at = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), sessionId);
        forget(actor -> actor.sessionId().equals(sessionId));
    }

    public void revokeAll(UUID userId) {
        jdbc.update("update user_session set revoked_at = ? where user_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), userId);
        forget(actor -> actor.userId().equals(userId));
    }

    /**
     * Forgets the sessions now and, inside a transaction, once more when it ends: a request that read the session
     * before the revocation committed may have remembered it meanwhile.
     */
    private void forget(Predicate<Actor> revoked) {
        known.asMap().values().removeIf(session -> revoked.test(session.actor()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    known.asMap().values().removeIf(session -> revoked.test(session.actor()));
                }
            });
        }
    }

    private static byte[] hash(String token) {
        return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)); // digest() resets it for the next
    }
}
