package app.characters.infra.security;

/** No valid token where one is required. */
public class Unauthorized extends RuntimeException {

    public Unauthorized(String message) {
        super(message, null, false, false);
    }
}
