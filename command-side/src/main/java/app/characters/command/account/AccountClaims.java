package app.characters.command.account;

import app.characters.kernel.common.Rejected;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims a username and an email for one account, case-insensitively, inside the transaction that
 * appends the registration event. The unique index makes a race lose cleanly: the second claim
 * waits for the first transaction and then fails, and its registration stores nothing.
 * <p>
 * The claims are written before the event, so they take the event store's append lock first, as the event's insert
 * would (migration V25): a rebuild that refills the claims holds that lock, and a registration waits for it
 * before it claims rather than after, holding a claim the rebuild is about to write.
 */
@Component
public class AccountClaims {

    private final JdbcTemplate jdbc;

    public AccountClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claim(UUID userId, String username, String email) {
        jdbc.execute("select hold_append_lock()");
        insert("USERNAME", username, userId, "username is already taken");
        insert("EMAIL", email, userId, "email is already registered");
    }

    private void insert(String kind, String value, UUID userId, String whenTaken) {
        try {
            jdbc.update("insert into account_claim (kind, claimed_value, user_id) values (?, ?, ?)",
                    kind, value.toLowerCase(Locale.ROOT), userId);
        } catch (DuplicateKeyException taken) {
            throw Rejected.conflict(whenTaken);
        }
    }
}
