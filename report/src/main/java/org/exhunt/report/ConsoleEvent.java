package org.exhunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;

/**
 * The console's unit of evidence (issue 26): one event, the record or file several rules may have matched, with
 * every finding made of it. A request that three rules matched prints once, its rules listed on it, its evidence
 * fields once each.
 *
 * @param findings the findings of this one record or file, most severe first
 */
record ConsoleEvent(List<Finding> findings) {

    /** Most severe first; at the same level, the earliest first, events without a time last. */
    static final Comparator<ConsoleEvent> MOST_SEVERE_FIRST = Comparator
            .comparing((ConsoleEvent e) -> e.severity(), Comparator.reverseOrder())
            .thenComparing(ConsoleEvent::time, Comparator.nullsLast(Comparator.naturalOrder()));

    /** {@code findings} (a server's) as events, most severe first: findings of the same record and time are one. */
    static List<ConsoleEvent> of(List<Finding> findings) {
        Map<List<Object>, List<Finding>> byRecord = new LinkedHashMap<>();
        for (Finding f : findings) {
            // a correlation is an event of its own: it stands for the events it links
            List<Object> key = f.linked().isEmpty() ? List.of(f.source(), Objects.toString(f.time())) : List.of(f);
            byRecord.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<ConsoleEvent> events = new ArrayList<>();
        for (List<Finding> same : byRecord.values()) {
            List<Finding> sorted = new ArrayList<>(same);
            sorted.sort(Comparator.comparing(Finding::severity, Comparator.reverseOrder()));
            events.add(new ConsoleEvent(List.copyOf(sorted)));
        }
        events.sort(MOST_SEVERE_FIRST);
        return events;
    }

    /**
     * The events in runs of alike ones, in the order of their first: the same rules matched at the same level in
     * records of the same file (five requests of one exploit script), which the default console shows as one entry.
     */
    static List<List<ConsoleEvent>> alike(List<ConsoleEvent> events) {
        Map<List<Object>, List<ConsoleEvent>> runs = new LinkedHashMap<>();
        for (ConsoleEvent e : events) {
            List<Object> key = e.head().linked().isEmpty()
                    ? List.of(e.severity(), e.source().file(), e.findings().stream().map(Finding::ruleId).toList())
                    : List.of(e);
            runs.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        return List.copyOf(runs.values());
    }

    /** The finding that names the event: its most severe. */
    Finding head() {
        return findings.get(0);
    }

    Severity severity() {
        return head().severity();
    }

    Instant time() {
        return head().time();
    }

    SourceRef source() {
        return head().source();
    }

    /**
     * The evidence of all its findings, each value once: the first name it came under is kept (an IIS line's
     * {@code cs(User-Agent)} that another rule calls {@code cs-user-agent} shows once).
     */
    List<Evidence> evidence() {
        Set<String> seen = new LinkedHashSet<>();
        List<Evidence> fields = new ArrayList<>();
        for (Finding f : findings) {
            for (Evidence e : f.evidence()) {
                if (seen.add(e.value())) fields.add(e);
            }
        }
        return fields;
    }
}
