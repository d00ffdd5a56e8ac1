package org.exhunt.spark;

import java.io.PrintStream;

/**
 * The driver's report of a run's progress on standard error, every few seconds and once at the end: servers done,
 * failed and in all, and bytes of evidence read. Counted by the executors' accumulators, which reach the driver as
 * tasks end.
 */
final class Progress implements AutoCloseable {

    private final int total;
    private final ServerTasks.Counters counters;
    private final Thread ticker;
    private final PrintStream err = System.err;

    Progress(int total, ServerTasks.Counters counters, long everyMillis) {
        this.total = total;
        this.counters = counters;
        this.ticker = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(everyMillis);
                    err.println(line());
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "exhunt-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    String line() {
        return "exhunt-spark: " + counters.done().value() + " of " + total + " servers done, " + counters.failed().value()
                + " failed, " + EstateJob.bytes(counters.bytes().value()) + " read";
    }

    @Override
    public void close() {
        ticker.interrupt();
        err.println(line());
    }
}
