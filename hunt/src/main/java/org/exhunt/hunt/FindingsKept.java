package org.exhunt.hunt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Thread-safe; which findings are kept does not depend on the order they arrive in, nor on where they were kept first:
 * the findings of some files kept on another machine ({@link #part}) and added here ({@link #absorb}) leave the same
 * findings kept and counted as if they had all come here.
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

    /**
     * What is kept, to be added to the findings of another part of the same server ({@link #absorb}): per rule the
     * kept findings, the latest among them, and how many were not kept.
     */
    Part part() {
        Map<String, List<Finding>> kept = new HashMap<>();
        for (Map.Entry<String, Bucket> e : byRule.entrySet()) {
            Bucket b = e.getValue();
            synchronized (b) {
                List<Finding> all = new ArrayList<>(b.earliest);
                if (b.dropped > 0 && !b.earliest.contains(b.latest)) all.add(b.latest);
                kept.put(e.getKey(), all);
            }
        }
        return new Part(kept, new HashMap<>(dropped()));
    }

    /**
     * Adds a part kept elsewhere from other findings (other files of the server). Exact: a finding among the earliest
     * (or the latest) of all is among the earliest (or the latest) of its own part, so the part's kept findings are
     * enough, and those it did not keep are counted.
     */
    void absorb(Part part) {
        part.kept().forEach((rule, kept) -> kept.forEach(this::add));
        part.notKept().forEach((rule, n) -> {
            Bucket b = byRule.computeIfAbsent(rule, k -> new Bucket());
            synchronized (b) {
                b.dropped += n;
            }
        });
    }

    /** The findings one part of a server's scan kept, per rule, and how many it did not keep, per rule. */
    record Part(Map<String, List<Finding>> kept, Map<String, Long> notKept) implements Serializable {}

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
