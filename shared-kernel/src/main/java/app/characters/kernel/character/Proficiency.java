package app.characters.kernel.character;

/** How well a skill is known, in the order it is learned. */
public enum Proficiency {
    NOVICE, APPRENTICE, ADEPT, EXPERT, MASTER;

    public boolean atLeast(Proficiency other) {
        return compareTo(other) >= 0;
    }

    /** True when {@code next} is exactly one step above this one. */
    public boolean isNextStep(Proficiency next) {
        return next.ordinal() == ordinal() + 1;
    }
}
