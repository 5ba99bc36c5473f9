package app.characters.kernel.common;

/**
 * A request the domain refuses. The kind says why, so that the edge of the service can answer
 * with the matching status without knowing any rule.
 */
public class Rejected extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, GONE, VERSION_MISMATCH, RULE }

    private final Kind kind;

    public Rejected(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static Rejected notFound(String message) {
        return new Rejected(Kind.NOT_FOUND, message);
    }

    public static Rejected forbidden(String message) {
        return new Rejected(Kind.FORBIDDEN, message);
    }

    public static Rejected conflict(String message) {
        return new Rejected(Kind.CONFLICT, message);
    }

    public static Rejected gone(String message) {
        return new Rejected(Kind.GONE, message);
    }

    public static Rejected versionMismatch(long expected, long actual) {
        return new Rejected(Kind.VERSION_MISMATCH,
                "expected version " + expected + " but the character is at version " + actual);
    }

    public static Rejected rule(String message) {
        return new Rejected(Kind.RULE, message);
    }
}
