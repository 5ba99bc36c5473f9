package app.characters.infra.security;

import app.characters.infra.web.Messaging;
import app.characters.kernel.account.AccountMessages.Credentials;
import app.characters.kernel.account.AccountMessages.FindCredentials;
import app.characters.kernel.account.AccountMessages.RegisterUser;
import app.characters.kernel.account.AccountRules;
import app.characters.kernel.account.Role;
import app.characters.kernel.common.Rejected;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the admin named by {@code ADMIN_USERNAME}, {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD}
 * once. A later start, or a second node starting at the same time, finds the name claimed and does nothing.
 */
@Component
@ConditionalOnProperty(name = "app.role", havingValue = "service", matchIfMissing = true)
class AdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final Environment environment;
    private final Messaging messaging;
    private final Passwords passwords;

    AdminAccount(Environment environment, Messaging messaging, Passwords passwords) {
        this.environment = environment;
        this.messaging = messaging;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = environment.getProperty("ADMIN_USERNAME");
        String email = environment.getProperty("ADMIN_EMAIL");
        String password = environment.getProperty("ADMIN_PASSWORD");
        if (username == null || email == null || password == null) {
            return;
        }
        if (!AccountRules.validUsername(username) || !AccountRules.validEmail(email) || !AccountRules.validPassword(password)) {
            throw new IllegalStateException("ADMIN_USERNAME, ADMIN_EMAIL or ADMIN_PASSWORD does not meet the account rules");
        }
        if (messaging.askOptional(new FindCredentials(username), Credentials.class) != null) {
            return;
        }
        try {
            messaging.send(new RegisterUser(UUID.randomUUID(), username, email, passwords.hash(password), Role.ADMIN), null);
            log.info("created the admin account {}", username);
        } catch (Rejected taken) {
            log.info("the admin account {} exists already", username);
        }
    }
}
