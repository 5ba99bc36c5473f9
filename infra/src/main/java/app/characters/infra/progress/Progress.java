package app.characters.infra.progress;

/**
 * Where a long task reports how far it got: a progress bar on the command line, nothing in the
 * running service and in tests.
 */
public interface Progress {

    /** Starts reporting one phase of a task; {@code total} is the expected number of steps, or -1 if unknown. */
    Bar start(String phase, long total);

    /** One phase under way. */
    interface Bar extends AutoCloseable {

        void stepBy(long steps);

        /** Corrects the expected total once it is known better. */
        default void total(long total) {
        }

        @Override
        void close();
    }

    Progress SILENT = (phase, total) -> new Bar() {
        @Override
        public void stepBy(long steps) {
        }

        @Override
        public void close() {
        }
    };
}
