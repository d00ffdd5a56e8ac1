package org.exhunt.sigma.correlation;

import java.time.Duration;
import java.time.Instant;

/**
 * The correlator's clock: 100 ns ticks since 1970, the precision of a Windows event's FILETIME, so that two events
 * in the same millisecond keep their order. Saturated at about ±7,000 years from 1970, far enough that the
 * arithmetic of windows ({@code now - span}) cannot overflow, whatever time a hostile log gives.
 */
final class Ticks {

    private static final long PER_SECOND = 10_000_000L;
    private static final long LIMIT = Long.MAX_VALUE / 4;
    private static final long MAX_SECONDS = LIMIT / PER_SECOND - 1;

    private Ticks() {}

    static long of(Instant t) {
        long s = t.getEpochSecond();
        if (s > MAX_SECONDS) return LIMIT;
        if (s < -MAX_SECONDS) return -LIMIT;
        return s * PER_SECOND + t.getNano() / 100;
    }

    static long of(Duration d) {
        long s = d.getSeconds();
        if (s > MAX_SECONDS) return LIMIT;
        if (s < -MAX_SECONDS) return -LIMIT;
        return s * PER_SECOND + d.getNano() / 100;
    }
}
