package app.characters.kernel.character;

import java.util.List;

/** Rules every character obeys, whoever asks; the edge checks the same and answers 400 first. */
public final class CharacterRules {

    public static final long MAX_EXPERIENCE_GAIN = 1_000_000;
    public static final int MAX_REASON_LENGTH = 200;

    private CharacterRules() {
    }

    /** The name as stored: trimmed, 1..64 characters. */
    public static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > CharacterSheet.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1.." + CharacterSheet.MAX_NAME_LENGTH
                    + " characters after trimming");
        }
        return name;
    }

    public static void requireValid(Attributes attributes) {
        if (attributes == null) {
            throw new IllegalArgumentException("attributes are required");
        }
        List<String> bad = attributes.outOfRange();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", bad) + " must be " + Attributes.MIN + ".." + Attributes.MAX);
        }
    }

    public static void requireValidExperience(long amount, String reason) {
        if (amount < 1 || amount > MAX_EXPERIENCE_GAIN) {
            throw new IllegalArgumentException("amount must be 1.." + MAX_EXPERIENCE_GAIN);
        }
        if (reason == null || reason.isBlank()
                || reason.strip().codePointCount(0, reason.strip().length()) > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason must be 1.." + MAX_REASON_LENGTH + " characters");
        }
    }
}
