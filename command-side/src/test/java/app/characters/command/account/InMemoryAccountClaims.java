package app.characters.command.account;

import app.characters.kernel.common.Rejected;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The claims table as a set: same case-insensitive uniqueness, no database. */
class InMemoryAccountClaims extends AccountClaims {

    private final Set<String> claimed = new HashSet<>();

    InMemoryAccountClaims() {
        super(new JdbcTemplate());
    }

    @Override
    void claim(UUID userId, String username, String email) {
        String usernameKey = "USERNAME:" + username.toLowerCase(Locale.ROOT);
        String emailKey = "EMAIL:" + email.toLowerCase(Locale.ROOT);
        if (claimed.contains(usernameKey)) {
            throw Rejected.conflict("username is already taken");
        }
        if (claimed.contains(emailKey)) {
            throw Rejected.conflict("email is already registered");
        }
        claimed.add(usernameKey);
        claimed.add(emailKey);
    }

    Set<String> claimed() {
        return Set.copyOf(claimed);
    }
}
