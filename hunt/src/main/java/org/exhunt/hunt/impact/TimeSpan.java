package org.exhunt.hunt.impact;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import org.exhunt.core.SourceRef;

/**
 * The first and the last time something was seen in the logs, and where each was read. At the same time the earlier
 * place in the logs is the first and the later the last, so that neither depends on the order the logs were read in
 * (threads, or parts read on other machines).
 */
abstract class TimeSpan implements Serializable {

    /** A place in the logs: file, then line, offset and record. */
    static final Comparator<SourceRef> PLACE = Comparator.<SourceRef, String>comparing(SourceRef::file)
            .thenComparingLong(SourceRef::line).thenComparingLong(SourceRef::offset)
            .thenComparing(SourceRef::recordId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Instant first;
    private Instant last;
    private SourceRef firstSource;
    private SourceRef lastSource;

    Instant first() { return first; }
    Instant last() { return last; }
    SourceRef firstSource() { return firstSource; }
    SourceRef lastSource() { return lastSource; }

    /** One more sighting; true when it is now the first. */
    final boolean seen(Instant time, SourceRef source) {
        boolean earliest = first == null || time.isBefore(first)
                || (time.equals(first) && PLACE.compare(source, firstSource) < 0);
        if (earliest) {
            first = time;
            firstSource = source;
        }
        if (last == null || time.isAfter(last) || (time.equals(last) && PLACE.compare(source, lastSource) > 0)) {
            last = time;
            lastSource = source;
        }
        return earliest;
    }

    /** Adds the sightings of another span, as if each had been seen here; true when its first is now the first. */
    final boolean seen(TimeSpan other) {
        if (other.first == null) return false;
        boolean earliest = seen(other.first, other.firstSource);
        seen(other.last, other.lastSource);
        return earliest;
    }
}
