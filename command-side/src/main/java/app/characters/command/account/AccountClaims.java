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
 */
@Component
public class AccountClaims {

    private final JdbcTemplate jdbc;

    public AccountClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claim(UUID userId, String username, String email) {
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
