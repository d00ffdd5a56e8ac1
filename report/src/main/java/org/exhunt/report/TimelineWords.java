package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.RowTimeline;

/**
 * A row's timeline in a few lines: {@code timeline ProxyLogon: 5 findings, first T1, last T2, exploit from IP}, then one
 * line per file written, with its use.
 */
final class TimelineWords {

    /** Client addresses named in a line; more are counted. */
    private static final int ADDRESSES_SHOWN = 10;

    private TimelineWords() {}

    static List<String> of(RowTimeline t) {
        List<String> lines = new ArrayList<>();
        long all = t.findings() + t.findingsNotKept();
        StringBuilder head = new StringBuilder("timeline ").append(t.row()).append(": ")
                .append(all).append(all == 1 ? " finding" : " findings");
        if (t.findingsNotKept() > 0) head.append(" (").append(t.findings()).append(" kept, the others counted: the cap per rule)");
        if (t.first() != null) head.append(", first ").append(t.first()).append(", last ").append(t.last());
        if (!t.exploitClients().isEmpty()) {
            head.append(", exploit from ").append(shown(t.exploitClients(), t.exploitClientCount()));
            if (t.findingsNotKept() > 0) {
                head.append(" in the findings kept (the ").append(t.findingsNotKept()).append(" not kept may name others)");
            }
        }
        lines.add(head.toString());
        for (FileUse f : t.files()) {
            lines.add("  file " + f.path() + " (" + String.join("; ", f.titles())
                    + (f.modified() == null ? "" : ", modified " + f.modified()) + ")" + use(f));
        }
        return lines;
    }

    private static String use(FileUse f) {
        if (f.requests() == 0) return f.url() == null ? "" : ", no request to " + f.url() + " in the web logs";
        return ", requested " + f.requests() + (f.requests() == 1 ? " time" : " times") + " from " + f.firstRequest()
                + " to " + f.lastRequest() + (f.clients().isEmpty() ? "" : " by " + shown(f.clients(), f.clients().size())
                + (f.requestsFromOtherClients() > 0
                        ? ", and " + f.requestsFromOtherClients() + " requests from further addresses" : ""));
    }

    private static String shown(List<String> addresses, long total) {
        List<String> named = addresses.stream().limit(ADDRESSES_SHOWN).toList();
        return String.join(", ", named) + (total > named.size() ? " and " + (total - named.size()) + " more" : "");
    }
}
