package org.exhunt.yara.data;

/**
 * When one scan must stop. Everything whose amount of work the rules or the data choose (condition loops,
 * regex runs, module passes over the data) calls {@link #tick} as it goes; one tick in {@value #TICKS_PER_CHECK}
 * reads the clock and, past the deadline, throws {@link ScanTimeoutException}, so that a scan stops about
 * when it should wherever it is. Not thread-safe: one per scanner.
 */
public final class Deadline {

    /** Ticks between two readings of the clock: a tick costs a decrement, a reading about 25 ns. */
    static final int TICKS_PER_CHECK = 1024;

    /** A {@link System#nanoTime()} value, or 0 for none. */
    private long at;
    private int untilCheck;

    /** From now on, scans stop at {@code nanoTime} (a {@link System#nanoTime()} value); 0: never. */
    public void set(long nanoTime) {
        at = nanoTime;
        untilCheck = 0;
    }

    /** One step of work. */
    public void tick() {
        if (--untilCheck < 0) check();
    }

    /** {@code steps} steps of work at once. */
    public void tick(int steps) {
        untilCheck -= steps;
        if (untilCheck < 0) check();
    }

    /** Reads the clock now; throws past the deadline. */
    public void check() {
        untilCheck = TICKS_PER_CHECK;
        if (at != 0 && System.nanoTime() - at > 0) throw new ScanTimeoutException();
    }
}
