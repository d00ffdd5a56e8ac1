package org.exhunt.probe.http;

/** Spaces requests evenly to at most {@code perSecond} over a run; 0 means no limit. Thread-safe. */
final class RateLimiter {

    private final long intervalNanos;
    private long next;

    RateLimiter(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    /** How long to wait before the next request may go, in nanoseconds (0: now). Reserves its slot. */
    synchronized long reserve() {
        if (intervalNanos == 0) return 0;
        long now = System.nanoTime();
        long at = Math.max(now, next);
        next = at + intervalNanos;
        return at - now;
    }
}
