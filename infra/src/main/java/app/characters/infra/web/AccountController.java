package app.characters.infra.web;

import app.characters.infra.metrics.LoginMetrics;
import app.characters.infra.security.AbuseLimits;
import app.characters.infra.security.Actor;
import app.characters.infra.security.Passwords;
import app.characters.infra.security.Sessions;
import app.characters.kernel.account.AccountMessages.Credentials;
import app.characters.kernel.account.AccountMessages.FindCredentials;
import app.characters.kernel.account.AccountMessages.FindUser;
import app.characters.kernel.account.AccountMessages.RegisterUser;
import app.characters.kernel.account.AccountMessages.UserProfile;
import app.characters.kernel.account.AccountRules;
import app.characters.kernel.account.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, sign-in and sign-out. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    record Registration(String username, String email, String password) {
        @Override
        public String toString() {
            return "Registration[username=" + username + "]";
        }
    }

    record Login(String login, String password) {
        @Override
        public String toString() {
            return "Login[login=" + login + "]";
        }
    }

    record SessionAnswer(String token, Instant expiresAt, UUID userId) {
        @Override
        public String toString() {
            return "SessionAnswer[userId=" + userId + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final Messaging messaging;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AbuseLimits limits;
    private final LoginMetrics loginMetrics;

    AccountController(Messaging messaging, Passwords passwords, Sessions sessions, AbuseLimits limits,
                      LoginMetrics loginMetrics) {
        this.messaging = messaging;
        this.passwords = passwords;
        this.sessions = sessions;
        this.limits = limits;
        this.loginMetrics = loginMetrics;
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserProfile> register(@RequestBody Registration body) {
        InvalidRequest.check()
                .require(AccountRules.validUsername(body.username()), "username",
                        "must be 3..32 characters of letters, digits, '_', '.' or '-'")
                .require(AccountRules.validEmail(body.email()), "email", "must be a valid email address")
                .require(AccountRules.validPassword(body.password()), "password",
                        "must be " + AccountRules.MIN_PASSWORD + ".." + AccountRules.MAX_PASSWORD + " characters")
                .orThrow();
        UUID userId = UUID.randomUUID();
        messaging.send(new RegisterUser(userId, body.username(), body.email(), passwords.hash(body.password()),
                Role.USER), null);
        // stored, but not yet readable after the wait (streaming projections): signing in works a moment later
        return messaging.askAfterWrite(new FindUser(userId), UserProfile.class)
                .map(profile -> ResponseEntity.status(HttpStatus.CREATED).body(profile))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    @GetMapping("/users/me")
    UserProfile me(Actor actor) {
        return messaging.ask(new FindUser(actor.userId()), UserProfile.class);
    }

    @PostMapping(path = "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SessionAnswer login(@RequestBody Login body, HttpServletRequest http) {
        InvalidRequest.check()
                .require(body.login() != null && !body.login().isBlank() && body.login().length() <= 254, "login",
                        "is required")
                .require(AccountRules.plausiblePassword(body.password()), "password", "is required")
                .orThrow();
        limits.login(body.login(), http);
        Credentials credentials = messaging.askOptional(new FindCredentials(body.login().strip()), Credentials.class);
        boolean matches = passwords.matches(body.password(), credentials == null ? null : credentials.passwordHash());
        if (credentials == null || !matches) {
            loginMetrics.failed();
            throw new app.characters.infra.security.Unauthorized("invalid login or password");
        }
        Sessions.Opened session = sessions.open(credentials.userId());
        return new SessionAnswer(session.token(), session.expiresAt(), credentials.userId());
    }

    @DeleteMapping("/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Actor actor) {
        sessions.revoke(actor.sessionId());
    }
}
