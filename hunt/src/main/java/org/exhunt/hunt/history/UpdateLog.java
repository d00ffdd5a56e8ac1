package org.exhunt.hunt.history;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.kb.KnowledgeBase;

/**
 * Reads the Windows Installer log a security update's installer leaves in
 * {@code <install>\Logging\Update\msi\ExchangeUpdate_2023-01-09-144610.log}: its file name holds the local time it
 * started, and it ends the update with {@code MSI (c) (C4:3C) [17:54:26:128]: Product: Microsoft Exchange Server -
 * Update 'Security Update for Exchange Server 2019 Cumulative Update 12 (KB5019758) 15.2.1118.20' installed
 * successfully.} or {@code ... could not be installed. Error code 1603. ...} (Microsoft Q&amp;A 1158449 quotes such a
 * log). Its times are the server's local time, in a zone it does not name: the entry's uncertainty is any zone's.
 */
final class UpdateLog {

    private static final Pattern NAME = Pattern.compile("(?i)ExchangeUpdate_(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})(\\d{2})(\\d{2})\\.log$");
    private static final Pattern TIME = Pattern.compile("\\[(\\d{2}):(\\d{2}):(\\d{2})[:.]\\d+\\]: ");

    private UpdateLog() {}

    /** Whether a drive path is such a log. */
    static boolean is(String drivePath) {
        return NAME.matcher(drivePath).find() && drivePath.toLowerCase(java.util.Locale.ROOT).contains("logging/update/");
    }

    static List<PatchEvent> read(InputStream in, String drivePath, String file, KnowledgeBase kb) throws IOException {
        Matcher n = NAME.matcher(drivePath);
        List<PatchEvent> out = new ArrayList<>();
        if (!n.find()) return out;
        LocalDateTime started;
        try {
            started = LocalDateTime.of(Integer.parseInt(n.group(1)), Integer.parseInt(n.group(2)), Integer.parseInt(n.group(3)),
                    Integer.parseInt(n.group(4)), Integer.parseInt(n.group(5)), Integer.parseInt(n.group(6)));
        } catch (DateTimeException e) {
            return out;
        }
        try (TextLines lines = new TextLines(in)) {
            for (String line; (line = lines.next()) != null; ) {
                Matcher u = MsiEvents.UPDATE.matcher(line);
                if (!u.find()) continue;
                Instant at = time(line, started).orElse(null);
                if (at == null) continue;
                out.add(new PatchEvent(PatchEvent.Kind.UPDATE_LOG, PatchEvent.Action.UPDATE, at, null, SetupLog.UNKNOWN_ZONE,
                        MsiEvents.build(u, kb), "Windows Installer log: " + MsiEvents.name(u), MsiEvents.outcome(u),
                        SourceRef.line(file, lines.number()).toString(), PatchEvent.Strength.RECORDED));
            }
        }
        return out;
    }

    /** The line's time of day on the log's day, or the next day when it is earlier than the start (past midnight). */
    private static Optional<Instant> time(String line, LocalDateTime started) {
        Matcher t = TIME.matcher(line);
        if (!t.find()) return Optional.of(started.toInstant(ZoneOffset.UTC));
        try {
            LocalTime of = LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)), Integer.parseInt(t.group(3)));
            LocalDateTime at = started.toLocalDate().atTime(of);
            if (at.isBefore(started)) at = at.plusDays(1);
            return Optional.of(at.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
