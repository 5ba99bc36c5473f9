package app.characters.infra.security;

import java.util.UUID;

/** Whoever reads: a signed-in actor, or nobody for an anonymous request. */
public record Viewer(Actor actor) {

    public UUID userIdOrNull() {
        return actor == null ? null : actor.userId();
    }
}
