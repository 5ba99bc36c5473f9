package app.characters.infra.axon;

/** The metadata key that names who sent a command. */
public final class Actors {

    public static final String ACTOR_ID = "actorId";

    private Actors() {
    }
}
