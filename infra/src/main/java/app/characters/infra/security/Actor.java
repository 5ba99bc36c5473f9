package app.characters.infra.security;

import app.characters.kernel.account.Role;
import java.util.UUID;

/** The signed-in user making a request, and the session it came through. */
public record Actor(UUID userId, Role role, UUID sessionId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
