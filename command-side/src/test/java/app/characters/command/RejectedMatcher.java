package app.characters.command;

import app.characters.kernel.common.Rejected;
import app.characters.kernel.common.Rejected.Kind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link Rejected} of one kind, so a test says why a command was refused. */
public final class RejectedMatcher extends TypeSafeMatcher<Rejected> {

    private final Kind kind;
    private final String[] saying;

    private RejectedMatcher(Kind kind, String... saying) {
        this.kind = kind;
        this.saying = saying;
    }

    public static Matcher<Rejected> rejected(Kind kind) {
        return new RejectedMatcher(kind);
    }

    /** A refusal of that kind whose message names each of the given parts, so the client learns what is wrong. */
    public static Matcher<Rejected> rejected(Kind kind, String... saying) {
        return new RejectedMatcher(kind, saying);
    }

    @Override
    protected boolean matchesSafely(Rejected rejected) {
        if (rejected.kind() != kind) {
            return false;
        }
        for (String part : saying) {
            if (rejected.getMessage() == null || !rejected.getMessage().contains(part)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("Rejected of kind ").appendValue(kind);
        if (saying.length > 0) {
            description.appendText(" saying ").appendValueList("", ", ", "", saying);
        }
    }

    @Override
    protected void describeMismatchSafely(Rejected rejected, Description description) {
        description.appendText("was of kind ").appendValue(rejected.kind())
                .appendText(": ").appendValue(rejected.getMessage());
    }
}
