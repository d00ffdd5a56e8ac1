package org.exhunt.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.exhunt.hunt.ScanProgress;
import org.exhunt.report.Printable;

/**
 * A progress bar on standard error for scans that run longer than a few seconds, redrawn in place. Used only
 * when standard error is a terminal, so that logs and pipes stay clean.
 */
final class TerminalProgress implements ScanProgress {

    private static final long QUIET_MILLIS = 3_000;
    private static final long REDRAW_MILLIS = 250;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final AtomicLong done = new AtomicLong();
    private volatile String server;
    private volatile long total;
    private volatile long start;
    private volatile long lastDraw;
    private volatile boolean drawn;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** The progress bar when standard error is a terminal, otherwise nothing. */
    static ScanProgress forTerminal(PrintWriter err, boolean wanted) {
        return wanted && System.console() != null ? new TerminalProgress(err) : ScanProgress.SILENT;
    }

    @Override
    public void started(String server, int files, long bytes) {
        this.server = Printable.visible(server); // a name from a folder or file name, drawn on the terminal
        this.total = Math.max(bytes, 1);
        this.done.set(0);
        this.start = System.currentTimeMillis();
        this.drawn = false;
    }

    @Override
    public void advanced(long bytes) {
        long now = System.currentTimeMillis();
        long d = done.addAndGet(bytes);
        if (now - start < QUIET_MILLIS || now - lastDraw < REDRAW_MILLIS) return;
        lastDraw = now;
        synchronized (this) {
            int filled = (int) (WIDTH * Math.min(d, total) / total);
            double mbps = d / 1048576.0 / Math.max(0.001, (now - start) / 1000.0);
            err.printf("\r%s [%s%s] %3d%% %.1f MB/s ", server, "=".repeat(filled), " ".repeat(WIDTH - filled),
                    100 * Math.min(d, total) / total, mbps);
            err.flush();
            drawn = true;
        }
    }

    @Override
    public synchronized void finished(String server) {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + this.server.length() + 24) + "\r");
            err.flush();
        }
    }
}
