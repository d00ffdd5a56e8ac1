package org.exhunt.cli;

import java.io.PrintWriter;
import org.exhunt.core.ServerResult;
import org.exhunt.probe.Probe;

/** The probe's progress bar on standard error, redrawn in place: targets done of all, and targets per second. */
final class TerminalTargetProgress implements Probe.Progress {

    private static final long REDRAW_MILLIS = 250;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private int total;
    private int done;
    private long start;
    private long lastDraw;

    private TerminalTargetProgress(PrintWriter err) {
        this.err = err;
    }

    /** The bar when standard error is a terminal and it is wanted, otherwise nothing. */
    static Probe.Progress forTerminal(PrintWriter err, boolean wanted) {
        return wanted && System.console() != null ? new TerminalTargetProgress(err) : Probe.Progress.SILENT;
    }

    @Override
    public synchronized void started(int targets) {
        total = Math.max(1, targets);
        start = System.currentTimeMillis();
    }

    @Override
    public synchronized void finished(ServerResult result) {
        done++;
        long now = System.currentTimeMillis();
        if (done < total && now - lastDraw < REDRAW_MILLIS) return;
        lastDraw = now;
        int filled = WIDTH * done / total;
        err.printf("\rprobe [%s%s] %d/%d targets, %.0f/s ", "=".repeat(filled), " ".repeat(WIDTH - filled), done, total,
                done / Math.max(0.001, (now - start) / 1000.0));
        if (done == total) err.print("\r" + " ".repeat(WIDTH + 48) + "\r");
        err.flush();
    }
}
