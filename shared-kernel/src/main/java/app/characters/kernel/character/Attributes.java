package app.characters.kernel.character;

import java.util.ArrayList;
import java.util.List;

/** The six ability scores. A character's own scores lie in 1..30. */
public record Attributes(int strength, int dexterity, int constitution, int intelligence, int wisdom, int charisma) {

    public static final int MIN = 1;
    public static final int MAX = 30;
    public static final int DEFAULT = 10;
    public static final List<String> NAMES =
            List.of("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma");

    public static Attributes defaults() {
        return new Attributes(DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT);
    }

    /** The names of the scores outside 1..30; empty when all are valid. */
    public List<String> outOfRange() {
        List<String> bad = new ArrayList<>();
        int[] values = values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < MIN || values[i] > MAX) {
                bad.add(NAMES.get(i));
            }
        }
        return bad;
    }

    public Attributes plus(Attributes modifiers) {
        return new Attributes(strength + modifiers.strength, dexterity + modifiers.dexterity,
                constitution + modifiers.constitution, intelligence + modifiers.intelligence,
                wisdom + modifiers.wisdom, charisma + modifiers.charisma);
    }

    public Attributes clamped() {
        return new Attributes(clamp(strength), clamp(dexterity), clamp(constitution), clamp(intelligence),
                clamp(wisdom), clamp(charisma));
    }

    public int[] values() {
        return new int[] {strength, dexterity, constitution, intelligence, wisdom, charisma};
    }

    private static int clamp(int value) {
        return Math.max(MIN, Math.min(MAX, value));
    }
}
