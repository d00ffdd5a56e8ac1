package org.exhunt.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.exhunt.core.Finding;

/**
 * Tells a file's time from an event's: a finding about a file on disk (a web shell, a dump, an archive) takes the
 * file's modification time as its own and says so in its {@code modified} evidence (hunt's {@code FileFindings}).
 * That time is when the file was last written, which an intruder can set to anything, not when something was seen
 * to happen: reports label it for what it is ("File modified"), never as an event's time.
 */
final class FileTimes {

    private FileTimes() {}

    static boolean isModificationTime(Finding f) {
        String modified = f.evidence("modified");
        if (modified == null || f.time() == null) return false;
        try {
            return Instant.parse(modified).equals(f.time());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
