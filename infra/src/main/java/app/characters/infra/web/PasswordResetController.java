package app.characters.infra.web;

import app.characters.infra.security.AbuseLimits;
import app.characters.infra.security.PasswordResets;
import app.characters.kernel.account.AccountRules;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten passwords: a token by mail, then a new password. */
@RestController
@RequestMapping(path = "/api/v1/password-resets", produces = MediaType.APPLICATION_JSON_VALUE)
class PasswordResetController {

    record ResetRequest(String email) {
    }

    record ResetConfirmation(String token, String newPassword) {
        @Override
        public String toString() {
            return "ResetConfirmation[]";
        }
    }

    private final PasswordResets resets;
    private final AbuseLimits limits;

    PasswordResetController(PasswordResets resets, AbuseLimits limits) {
        this.resets = resets;
        this.limits = limits;
    }

    /** The same 202 whether or not the address has an account: nobody learns who is registered. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@RequestBody ResetRequest body, HttpServletRequest http) {
        InvalidRequest.check().require(AccountRules.validEmail(body.email()), "email", "must be a valid email address")
                .orThrow();
        limits.reset(body.email(), http);
        resets.request(body.email());
    }

    @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@RequestBody ResetConfirmation body) {
        InvalidRequest.check()
                .require(body.token() != null && !body.token().isBlank() && body.token().length() <= 200, "token",
                        "is required")
                .require(AccountRules.validPassword(body.newPassword()), "newPassword",
                        "must be " + AccountRules.MIN_PASSWORD + ".." + AccountRules.MAX_PASSWORD + " characters")
                .orThrow();
        resets.confirm(body.token(), body.newPassword());
    }
}
