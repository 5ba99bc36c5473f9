package app.characters.infra.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on standard error, so that standard output keeps only the summaries. */
public final class ConsoleProgress implements Progress {

    private final String unit;

    public ConsoleProgress(String unit) {
        this.unit = unit;
    }

    @Override
    public Bar start(String phase, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(phase)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setMaxRenderedLength(110)
                .continuousUpdate()
                .build();
        return new Bar() {
            @Override
            public void stepBy(long steps) {
                bar.stepBy(steps);
            }

            @Override
            public void total(long newTotal) {
                bar.maxHint(newTotal);
            }

            @Override
            public void close() {
                if (bar.getMax() >= 0) {
                    bar.maxHint(bar.getCurrent());
                }
                bar.close();
            }
        };
    }
}
