package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.List;
import org.exhunt.core.Exposure;

/**
 * How far the logs that can show one row reach: from the oldest to the newest record of those log types,
 * and the server's exposure to the row at the start of that span (from the build the oldest logs show).
 *
 * @param logTypes  the log types present that can show the row
 * @param from      the oldest record's time
 * @param to        the newest record's time
 * @param atStart   the exposure at {@code from}, or UNKNOWN when the logs do not show the build then
 */
public record LogWindow(List<String> logTypes, Instant from, Instant to, Exposure atStart) {

    public LogWindow {
        logTypes = List.copyOf(logTypes);
    }
}
