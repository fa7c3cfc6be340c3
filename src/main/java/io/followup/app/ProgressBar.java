package io.followup.app;

import io.followup.ingest.IngestProgress;
import java.io.PrintStream;

/** A one-line progress bar on stderr, for long ingests in a terminal. */
final class ProgressBar implements IngestProgress {

    static final int MIN_FILES = 1000;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private int lastPercent = -1;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** A bar when a person is watching a terminal, else nothing. */
    static IngestProgress forConsole() {
        return System.console() == null ? IngestProgress.NONE : new ProgressBar(System.err);
    }

    @Override
    public synchronized void update(int done, int total) {
        if (total <= MIN_FILES) {
            return;
        }
        int percent = (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\rReading notes [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
