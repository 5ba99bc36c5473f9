package app.characters.query.account;

import app.characters.kernel.account.AccountMessages.Credentials;
import app.characters.kernel.account.AccountMessages.FindCredentials;
import app.characters.kernel.account.AccountMessages.FindUser;
import app.characters.kernel.account.AccountMessages.PasswordChanged;
import app.characters.kernel.account.AccountMessages.UserProfile;
import app.characters.kernel.account.AccountMessages.UserRegistered;
import app.characters.kernel.common.Rejected;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the user table and answers profile and login look-ups. */
@Component
@ProcessingGroup(UserProjection.GROUP)
class UserProjection {

    static final String GROUP = "accounts";

    private final UserRowRepository users;
    private final JdbcTemplate jdbc;

    UserProjection(UserRowRepository users, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** One statement, in the transaction of the event's unit of work; a user already there (a redelivery) stays. */
    @EventHandler
    void on(UserRegistered event, @Timestamp Instant occurredAt) {
        jdbc.update("""
                insert into user_account (id, username, email, password_hash, role, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing""", event.userId(), event.username(), event.email(),
                event.passwordHash(), event.role().name(), java.sql.Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(PasswordChanged event) {
        jdbc.update("update user_account set password_hash = ? where id = ?", event.passwordHash(), event.userId());
    }

    @QueryHandler
    public UserProfile find(FindUser query) {
        return users.findById(query.userId())
                .map(u -> new UserProfile(u.getId(), u.getUsername(), u.getEmail(), u.getRole(), u.getCreatedAt()))
                .orElseThrow(() -> Rejected.notFound("user " + query.userId() + " not found"));
    }

    @QueryHandler
    public Optional<Credentials> credentials(FindCredentials query) {
        return users.findByLogin(query.login()).map(u -> new Credentials(u.getId(), u.getPasswordHash(), u.getRole()));
    }
}
