package app.characters.infra.security;

import app.characters.infra.database.JdbcTransactions;
import app.characters.infra.mail.Mailer;
import app.characters.infra.web.Messaging;
import app.characters.kernel.account.AccountMessages.ChangePassword;
import app.characters.kernel.account.AccountMessages.Credentials;
import app.characters.kernel.account.AccountMessages.FindCredentials;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password resets. A token is {@code <id>.<secret>}: the id finds the row, and only a slow salted
 * hash of the secret is stored. A token works once, for 30 minutes, and using it ends every session.
 */
@Component
public class PasswordResets {

    public static final Duration VALIDITY = Duration.ofMinutes(30);

    /** The token is missing, malformed, unknown, used or expired: one answer for all. */
    public static class InvalidResetToken extends RuntimeException {
        public InvalidResetToken() {
            super("the reset token is not valid (unknown, used or expired)", null, false, false);
        }
    }

    private final JdbcTemplate jdbc;
    private final Messaging messaging;
    private final Passwords passwords;
    private final Sessions sessions;
    private final Mailer mailer;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(JdbcTemplate jdbc, Messaging messaging, Passwords passwords, Sessions sessions, Mailer mailer,
                   Clock clock, JdbcTransactions transactions) {
        this.transactions = transactions.template();
        this.jdbc = jdbc;
        this.messaging = messaging;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Mails a token when the address belongs to an account; does the same visible nothing otherwise. */
    public void request(String email) {
        Credentials account = messaging.askOptional(new FindCredentials(email), Credentials.class);
        if (account == null || !email.contains("@")) {
            return;
        }
        UUID id = UUID.randomUUID();
        byte[] secretBytes = new byte[24];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Instant now = clock.instant();
        jdbc.update("insert into password_reset (id, user_id, secret_hash, created_at, expires_at) values (?, ?, ?, ?, ?)",
                id, account.userId(), passwords.hash(secret), Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)));
        mailer.send(email, "Reset your password", """
                Someone asked to reset the password of your account.

                Your reset token, valid for 30 minutes and for one use:

                %s

                If this was not you, ignore this message: your password stays as it is.
                """.formatted(id + "." + secret));
    }

    /**
     * Sets the new password if the token is good, and ends every session of the account: the token's use, the change
     * and the sessions' end in one JDBC transaction, which the command's own joins.
     */
    public void confirm(String token, String newPassword) {
        transactions.executeWithoutResult(tx -> confirmInTransaction(token, newPassword));
    }

    private void confirmInTransaction(String token, String newPassword) {
        String[] parts = token == null ? new String[0] : token.split("\\.", 2);
        UUID id;
        try {
            id = parts.length == 2 ? UUID.fromString(parts[0]) : null;
        } catch (IllegalArgumentException notAnId) {
            id = null;
        }
        if (id == null) {
            throw new InvalidResetToken();
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select user_id, secret_hash from password_reset
                where id = ? and used_at is null and expires_at > ? for update""", id, Timestamp.from(clock.instant()));
        if (rows.isEmpty() || !passwords.matches(parts[1], (String) rows.get(0).get("secret_hash"))) {
            throw new InvalidResetToken();
        }
        UUID userId = (UUID) rows.get(0).get("user_id");
        jdbc.update("update password_reset set used_at = ? where id = ?", Timestamp.from(clock.instant()), id);
        messaging.send(new ChangePassword(userId, passwords.hash(newPassword)), null);
        sessions.revokeAll(userId);
    }
}
