package app.characters.kernel.account;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Commands, events and queries of user accounts. */
public final class AccountMessages {

    private AccountMessages() {
    }

    public record RegisterUser(@TargetAggregateIdentifier UUID userId, String username, String email,
                               String passwordHash, Role role) {
    }

    @Revision("1")
    public record UserRegistered(UUID userId, String username, String email, String passwordHash, Role role) {
    }

    /** A new password, already hashed: the command and the event never carry the password itself. */
    public record ChangePassword(@TargetAggregateIdentifier UUID userId, String passwordHash) {
        @Override
        public String toString() {
            return "ChangePassword[userId=" + userId + "]";
        }
    }

    @Revision("1")
    public record PasswordChanged(UUID userId, String passwordHash) {
        @Override
        public String toString() {
            return "PasswordChanged[userId=" + userId + "]";
        }
    }

    public record FindUser(UUID userId) {
    }

    /** By username or email, case-insensitively. */
    public record FindCredentials(String login) {
    }

    public record UserProfile(UUID id, String username, String email, Role role, Instant createdAt) {
    }

    /** What a login needs; never shown to anyone. */
    public record Credentials(UUID userId, String passwordHash, Role role) {
        @Override
        public String toString() {
            return "Credentials[userId=" + userId + ", role=" + role + "]";
        }
    }
}
