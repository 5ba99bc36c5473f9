package app.characters.kernel.character;

/** How well a skill is known, in the order it is learned. */
public enum Proficiency {
    NOVICE, APPRENTICE, ADEPT, EXPERT, MASTER;

    public boolean atLeast(Proficiency other) {
        return compareTo(other) >= 0;
    }

    public java.util.Optional<Proficiency> next() {
        return ordinal() + 1 < values().length ? java.util.Optional.of(values()[ordinal() + 1]) : java.util.Optional.empty();
    }

    /** True when {@code next} is exactly one step above this one. */
    public boolean isNextStep(Proficiency next) {
        return next.ordinal() == ordinal() + 1;
    }
}
