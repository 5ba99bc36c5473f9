package app.characters.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The limits on login and password-reset attempts, per account and per client address. */
@Component
public class AbuseLimits {

    private final AttemptLimiter limiter;
    private final Duration window;
    private final int loginPerAccount;
    private final int loginPerAddress;
    private final int resetPerAccount;
    private final int resetPerAddress;

    AbuseLimits(AttemptLimiter limiter,
                @Value("${app.limits.window:PT1M}") Duration window,
                @Value("${app.limits.login-per-account:10}") int loginPerAccount,
                @Value("${app.limits.login-per-address:100}") int loginPerAddress,
                @Value("${app.limits.reset-per-account:3}") int resetPerAccount,
                @Value("${app.limits.reset-per-address:20}") int resetPerAddress) {
        this.limiter = limiter;
        this.window = window;
        this.loginPerAccount = loginPerAccount;
        this.loginPerAddress = loginPerAddress;
        this.resetPerAccount = resetPerAccount;
        this.resetPerAddress = resetPerAddress;
    }

    public void login(String login, HttpServletRequest request) {
        limiter.attempt("login:address:" + request.getRemoteAddr(), loginPerAddress, window);
        limiter.attempt("login:account:" + login.strip().toLowerCase(Locale.ROOT), loginPerAccount, window);
    }

    public void reset(String email, HttpServletRequest request) {
        limiter.attempt("reset:address:" + request.getRemoteAddr(), resetPerAddress, window);
        limiter.attempt("reset:account:" + email.strip().toLowerCase(Locale.ROOT), resetPerAccount, window);
    }
}
