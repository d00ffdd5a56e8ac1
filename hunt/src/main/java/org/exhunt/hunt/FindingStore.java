package org.exhunt.hunt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.exhunt.core.Finding;
import org.exhunt.hunt.verdict.Verdicts;

/**
 * The findings of one server's scan, held in bounded memory: per rule, the {@code perRule / 2} earliest and the
 * {@code perRule / 2} latest findings in report order (time, then place), whatever order the scanning threads
 * deliver them in; the others are counted. The earliest and latest are what a timeline's first and last evidence and
 * a verdict's first sign need. Thread-safe.
 */
final class FindingStore {

    private final int half;
    private final Map<String, RuleFindings> byRule = new ConcurrentHashMap<>();

    /** @param perRule findings kept per rule; at least 2 */
    FindingStore(int perRule) {
        if (perRule < 2) throw new IllegalArgumentException("keep at least 2 findings per rule");
        this.half = perRule / 2;
    }

    void add(Finding f) {
        byRule.computeIfAbsent(f.detector() + " " + f.ruleId(), k -> new RuleFindings(half)).add(f);
    }

    /** Every finding kept, in no particular order. */
    List<Finding> kept() {
        List<Finding> out = new ArrayList<>();
        for (RuleFindings r : byRule.values()) r.addTo(out);
        return out;
    }

    /** Per rule id that had findings dropped, how many, in rule-id order. */
    Map<String, Long> dropped() {
        Map<String, Long> out = new TreeMap<>();
        byRule.values().forEach(r -> r.dropped(out));
        return out;
    }

    /**
     * One rule's findings: {@code earliest} holds the {@code half} earliest seen, {@code latest} the {@code half} latest
     * of the others. A finding pushed out of {@code earliest} is later than all it keeps, so it competes for
     * {@code latest}; one pushed out of {@code latest} is neither, and is only counted.
     */
    private static final class RuleFindings {
        private static final Comparator<Finding> ORDER = Verdicts.REPORT_ORDER.thenComparing(Finding::title);

        private final int half;
        private final PriorityQueue<Finding> earliest = new PriorityQueue<>(ORDER.reversed());   // head: latest kept
        private final PriorityQueue<Finding> latest = new PriorityQueue<>(ORDER);                // head: earliest kept
        private String ruleId;
        private long dropped;

        RuleFindings(int half) {
            this.half = half;
        }

        synchronized void add(Finding f) {
            ruleId = f.ruleId();
            earliest.add(f);
            if (earliest.size() <= half) return;
            latest.add(earliest.poll());
            if (latest.size() <= half) return;
            latest.poll();
            dropped++;
        }

        synchronized void addTo(List<Finding> out) {
            out.addAll(earliest);
            out.addAll(latest);
        }

        synchronized void dropped(Map<String, Long> out) {
            if (dropped > 0) out.merge(ruleId, dropped, Long::sum);
        }
    }
}
