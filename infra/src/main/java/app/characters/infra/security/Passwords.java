package app.characters.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Slow salted password hashes: BCrypt over the SHA-256 of the password. BCrypt reads at most
 * 72 bytes, and the contract allows 128 characters of any script; the digest makes every
 * character count and keeps the input short.
 */
@Component
public class Passwords {

    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder();

    /** Compared against when the login is unknown, so that a miss costs as long as a wrong password. */
    private static final String DECOY = ENCODER.encode(digest("decoy password never used"));

    public String hash(String password) {
        return ENCODER.encode(digest(password));
    }

    public boolean matches(String password, String hash) {
        return ENCODER.matches(digest(password), hash == null ? DECOY : hash);
    }

    /** What BCrypt is given in place of the password: its SHA-256, in Base64 (44 bytes). */
    public static String digest(String password) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
