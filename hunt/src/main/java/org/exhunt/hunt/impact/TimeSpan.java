package org.exhunt.hunt.impact;

import java.time.Instant;
import org.exhunt.core.SourceRef;

/** The first and the last time something was seen in the logs, and where each was read. */
abstract class TimeSpan {

    private Instant first;
    private Instant last;
    private SourceRef firstSource;
    private SourceRef lastSource;

    Instant first() { return first; }
    Instant last() { return last; }
    SourceRef firstSource() { return firstSource; }
    SourceRef lastSource() { return lastSource; }

    /** One more sighting. */
    final void seen(Instant time, SourceRef source) {
        if (first == null || time.isBefore(first)) {
            first = time;
            firstSource = source;
        }
        if (last == null || time.isAfter(last)) {
            last = time;
            lastSource = source;
        }
    }
}
