package org.exhunt.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.hunt.verdict.Verdicts;

/**
 * The findings of one server's scan, bounded: per rule the {@link Limits#FINDINGS_PER_RULE} earliest are kept,
 * plus the latest, and the others are counted — a rule firing on every line of a huge log (an attacker's address
 * on each request) cannot fill the heap, and the timeline still shows when the evidence starts and ends.
 * Thread-safe; which findings are kept does not depend on the order they arrive in.
 */
final class FindingsKept {

    private static final class Bucket {
        final TreeSet<Finding> earliest = new TreeSet<>(Verdicts.REPORT_ORDER);
        Finding latest;
        long dropped;
    }

    private final int cap;
    private final Map<String, Bucket> byRule = new ConcurrentHashMap<>();

    FindingsKept() {
        this(Limits.FINDINGS_PER_RULE);
    }

    FindingsKept(int cap) {
        this.cap = cap;
    }

    void add(Finding f) {
        Bucket b = byRule.computeIfAbsent(f.ruleId(), k -> new Bucket());
        synchronized (b) {
            if (b.latest == null || Verdicts.REPORT_ORDER.compare(f, b.latest) > 0) b.latest = f;
            b.earliest.add(f);
            if (b.earliest.size() > cap) {
                b.earliest.pollLast();
                b.dropped++;
            }
        }
    }

    /** The kept findings, each rule's latest included. */
    List<Finding> all() {
        List<Finding> out = new ArrayList<>();
        for (Bucket b : byRule.values()) {
            synchronized (b) {
                out.addAll(b.earliest);
                if (b.dropped > 0 && !b.earliest.contains(b.latest)) out.add(b.latest);
            }
        }
        return out;
    }

    /** Per rule that hit the cap, how many of its findings were not kept. */
    Map<String, Long> dropped() {
        Map<String, Long> out = new TreeMap<>();
        byRule.forEach((rule, b) -> {
            synchronized (b) {
                long n = b.dropped - (b.earliest.contains(b.latest) ? 0 : 1);
                if (n > 0) out.put(rule, n);
            }
        });
        return out;
    }
}
