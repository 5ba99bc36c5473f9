package app.characters.command;

import app.characters.kernel.common.Rejected;
import app.characters.kernel.common.Rejected.Kind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link Rejected} of one kind, so a test says why a command was refused. */
public final class RejectedMatcher extends TypeSafeMatcher<Rejected> {

    private final Kind kind;

    private RejectedMatcher(Kind kind) {
        this.kind = kind;
    }

    public static Matcher<Rejected> rejected(Kind kind) {
        return new RejectedMatcher(kind);
    }

    @Override
    protected boolean matchesSafely(Rejected rejected) {
        return rejected.kind() == kind;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("Rejected of kind ").appendValue(kind);
    }

    @Override
    protected void describeMismatchSafely(Rejected rejected, Description description) {
        description.appendText("was of kind ").appendValue(rejected.kind())
                .appendText(": ").appendValue(rejected.getMessage());
    }
}
