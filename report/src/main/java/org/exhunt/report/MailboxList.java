package org.exhunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.MailboxAccess;
import org.exhunt.core.facts.MailboxExport;

/**
 * The notification list of a run: each mailbox any server names as exported or read, once across the servers (case
 * ignored, sorted), with how and where it was reached, from when to when, and the surest item's confidence. What
 * JSON lines' {@code mailbox} lines and the HTML report's mailbox table show.
 */
final class MailboxList {

    /**
     * @param how        {@code exported}, {@code read}, sorted
     * @param servers    the servers that show it, sorted
     * @param confidence the surest item's, or null
     */
    record Entry(String mailbox, List<String> how, List<String> servers, Instant first, Instant last, Confidence confidence) {}

    private MailboxList() {}

    static List<Entry> of(List<ServerResult> results) {
        Map<String, Builder> byKey = new TreeMap<>();
        for (ServerResult r : results) {
            Impact i = ImpactWords.of(r.facts());
            for (MailboxExport e : i.exports()) {
                if (e.mailbox() == null) continue;
                byKey.computeIfAbsent(e.mailbox().toLowerCase(Locale.ROOT), k -> new Builder(e.mailbox()))
                        .add(r.server(), "exported", e.time(), e.time(), e.confidence());
            }
            for (MailboxAccess a : i.reads()) {
                byKey.computeIfAbsent(a.mailbox().toLowerCase(Locale.ROOT), k -> new Builder(a.mailbox()))
                        .add(r.server(), "read", a.first(), a.last(), a.confidence());
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Builder b : byKey.values()) {
            out.add(new Entry(b.name, List.copyOf(b.how), List.copyOf(b.servers), b.first, b.last, b.confidence));
        }
        return out;
    }

    private static final class Builder {
        final String name;
        final TreeSet<String> how = new TreeSet<>();
        final TreeSet<String> servers = new TreeSet<>();
        Instant first;
        Instant last;
        Confidence confidence;

        Builder(String name) {
            this.name = name;
        }

        void add(String server, String way, Instant from, Instant to, Confidence sure) {
            servers.add(server);
            how.add(way);
            if (from != null && (first == null || from.isBefore(first))) first = from;
            if (to != null && (last == null || to.isAfter(last))) last = to;
            if (sure != null && (confidence == null || sure.compareTo(confidence) < 0)) confidence = sure;   // SHOWN first
        }
    }
}
