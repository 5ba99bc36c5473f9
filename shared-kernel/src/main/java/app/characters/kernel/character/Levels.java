package app.characters.kernel.character;

/** The experience needed for each level, 1 to 20. */
public final class Levels {

    private static final long[] THRESHOLDS = {
        0, 300, 900, 2_700, 6_500, 14_000, 23_000, 34_000, 48_000, 64_000,
        85_000, 100_000, 120_000, 140_000, 165_000, 195_000, 225_000, 265_000, 305_000, 355_000
    };

    public static final int MAX_LEVEL = THRESHOLDS.length;

    private Levels() {
    }

    public static int levelFor(long experience) {
        int level = 1;
        while (level < MAX_LEVEL && experience >= THRESHOLDS[level]) {
            level++;
        }
        return level;
    }

    /** The experience at which a level starts. */
    public static long thresholdOf(int level) {
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be 1.." + MAX_LEVEL);
        }
        return THRESHOLDS[level - 1];
    }
}
