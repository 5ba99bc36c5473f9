package app.characters.infra.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Slow salted password hashes (BCrypt). */
@Component
public class Passwords {

    /** Compared against when the login is unknown, so that a miss costs as long as a wrong password. */
    private static final String DECOY = new BCryptPasswordEncoder().encode("decoy password never used");

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? DECOY : hash);
    }
}
