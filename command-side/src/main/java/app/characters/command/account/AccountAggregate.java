package app.characters.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.characters.kernel.account.AccountMessages.ChangePassword;
import app.characters.kernel.account.AccountMessages.PasswordChanged;
import app.characters.kernel.account.AccountMessages.RegisterUser;
import app.characters.kernel.account.AccountMessages.UserRegistered;
import app.characters.kernel.account.AccountRules;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user account. Username and email uniqueness spans all accounts, so it is claimed in {@link AccountClaims}. */
@Aggregate
public class AccountAggregate {

    @AggregateIdentifier
    private UUID userId;

    protected AccountAggregate() {
    }

    @CommandHandler
    public AccountAggregate(RegisterUser command, AccountClaims claims) {
        if (!AccountRules.validUsername(command.username()) || !AccountRules.validEmail(command.email())) {
            throw new IllegalArgumentException("username or email is not acceptable");
        }
        claims.claim(command.userId(), command.username(), command.email());
        apply(new UserRegistered(command.userId(), command.username(), command.email(), command.passwordHash(),
                command.role()));
    }

    @CommandHandler
    public void handle(ChangePassword command) {
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new IllegalArgumentException("a password hash is required");
        }
        apply(new PasswordChanged(userId, command.passwordHash()));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
    }
}
