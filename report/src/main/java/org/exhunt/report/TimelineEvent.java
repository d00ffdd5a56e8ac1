package org.exhunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;

/**
 * One point of a timeline: a finding, or an event a finding links (a correlation's parts), with the
 * server it belongs to, its {@link FindingId} and, for a linked event, the id of the finding that links it.
 *
 * @param parentId the linking finding's id, or {@code null} for a finding of the server's own list
 * @param depth    0 for a finding, 1 for an event it links, 2 for an event that event links, ...
 */
record TimelineEvent(String server, Finding finding, String id, String parentId, int depth) {

    /** Whether the event has a time of its own. */
    boolean hasTime() {
        return finding.time() != null;
    }

    /** Whether the event's time is its file's modification time (a file on disk), not the time of an event. */
    boolean isFileTime() {
        return FileTimes.isModificationTime(finding);
    }

    /** The event's time, or {@code fallback} when the evidence has none. */
    Instant timeOr(Instant fallback) {
        return hasTime() ? finding.time() : fallback;
    }

    /**
     * Every finding and every event they link, sorted by time; events without a time come after all timed
     * ones. The sort is stable, so ties keep the order of {@link #groups}.
     */
    static List<TimelineEvent> of(List<ServerResult> results) {
        List<TimelineEvent> events = new ArrayList<>();
        groups(results).forEach(events::addAll);
        events.sort(BY_TIME);
        return events;
    }

    /**
     * One group per finding of the results: the finding, then the events it links, depth first. Groups are
     * sorted by the finding's time (untimed ones last), ties in the order of the results.
     */
    static List<List<TimelineEvent>> groups(List<ServerResult> results) {
        List<List<TimelineEvent>> groups = new ArrayList<>();
        for (ServerResult r : results) {
            for (Finding f : r.findings()) {
                List<TimelineEvent> group = new ArrayList<>();
                add(group, r.server(), f, null, 0);
                groups.add(group);
            }
        }
        groups.sort(Comparator.comparing(g -> g.get(0), BY_TIME));
        return groups;
    }

    private static final Comparator<TimelineEvent> BY_TIME = Comparator.comparing(
            (TimelineEvent e) -> e.finding().time(), Comparator.nullsLast(Comparator.naturalOrder()));

    private static void add(List<TimelineEvent> events, String server, Finding f, String parentId, int depth) {
        String id = FindingId.of(server, f);
        events.add(new TimelineEvent(server, f, id, parentId, depth));
        for (Finding linked : f.linked()) add(events, server, linked, id, depth + 1);
    }
}
