package org.exhunt.hunt.scope;

import java.time.Instant;

/**
 * The span of log evidence to look at ({@code --since}/{@code --until}); either end may be open. Files on
 * disk are examined whatever their times: a web shell dropped before the window is still on the server.
 */
public record TimeWindow(Instant since, Instant until) {

    public static final TimeWindow ALL = new TimeWindow(null, null);

    /** Whether a record's time lies inside; records without a time are always inside. */
    public boolean contains(Instant t) {
        if (t == null) return true;
        return (since == null || !t.isBefore(since)) && (until == null || !t.isAfter(until));
    }

    public boolean isAll() {
        return since == null && until == null;
    }

    @Override
    public String toString() {
        return (since == null ? "the beginning" : since.toString()) + " to " + (until == null ? "the end" : until.toString());
    }
}
