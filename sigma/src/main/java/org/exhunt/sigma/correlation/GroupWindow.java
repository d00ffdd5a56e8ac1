package org.exhunt.sigma.correlation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.sigma.rule.SigmaCorrelation;
import org.exhunt.sigma.rule.SigmaCorrelation.Type;
import org.exhunt.sigma.value.Numbers;

/**
 * The events of one group of one correlation still inside its window, in time order, and the metric the
 * correlation's condition reads. Mutable, used by one {@link Correlator}.
 */
final class GroupWindow {

    /** What a window reports when its condition holds: the metric and the events linked. */
    record Result(String metricName, double metric, String value, List<Finding> linked, Event last) {}

    private final SigmaCorrelation correlation;
    private final long span;
    /** An event as the window keeps it: no finding, so that an entry stays small. */
    private record Entry(long ticks, int rule, String value) {}

    private final Deque<Entry> events = new ArrayDeque<>();
    private final Deque<Finding> latest = new ArrayDeque<>();   // linked evidence, at most CORRELATION_LINKED
    private final Finding[] latestPerRule;                       // temporal types: each rule's latest finding
    private final Map<String, Finding> latestPerValue = new HashMap<>();   // value_percentile
    private Event last;
    private long windowStart = Long.MIN_VALUE;                   // bucket windows: when the open window began
    private long newest = Long.MIN_VALUE;
    /** When the correlator last fed this group, on its own clock: the least recently updated is closed first. */
    long updated;

    GroupWindow(SigmaCorrelation correlation) {
        this.correlation = correlation;
        this.span = Ticks.of(correlation.timespan());
        this.latestPerRule = new Finding[correlation.rules().size()];
    }

    int size() {
        return events.size();
    }

    long newest() {
        return newest;
    }

    /** Sliding windows decide on every event; the others when a window closes. */
    boolean sliding() {
        Type t = correlation.type();
        if (t == Type.VALUE_PERCENTILE) return false;
        return correlation.condition() == null || correlation.condition().lowerBoundsOnly();
    }

    /** Adds an event; returns what fires, if anything (a closed bucket window or a sliding window that holds). */
    List<Result> add(Event e) {
        List<Result> out = new ArrayList<>();
        if (!sliding() && windowStart != Long.MIN_VALUE && e.ticks() > windowStart + span) {
            out.addAll(close());
        }
        if (!sliding() && windowStart == Long.MIN_VALUE) windowStart = e.ticks();
        insert(e);
        newest = Math.max(newest, e.ticks());
        if (sliding()) {
            expireBefore(newest - span);
            Result r = correlation.type() == Type.TEMPORAL_ORDERED ? ordered() : evaluate();
            if (r != null) {
                out.add(r);
                clear();
            }
        }
        return out;
    }

    /** Closes the open bucket window (end of stream, or the group expired): what fires. */
    List<Result> close() {
        List<Result> out = new ArrayList<>();
        if (!sliding() && !events.isEmpty()) {
            if (correlation.type() == Type.VALUE_PERCENTILE) out.addAll(percentiles());
            else {
                Result r = evaluate();
                if (r != null) out.add(r);
            }
        }
        clear();
        return out;
    }

    private void clear() {
        events.clear();
        latest.clear();
        latestPerValue.clear();
        java.util.Arrays.fill(latestPerRule, null);
        windowStart = Long.MIN_VALUE;
        last = null;
    }

    /** Inserts in time order; input is mostly in order, so this is a look at the tail. */
    private void insert(Event e) {
        Entry entry = new Entry(e.ticks(), e.rule(), e.value());
        if (events.isEmpty() || events.peekLast().ticks() <= e.ticks()) {
            events.addLast(entry);
        } else {
            List<Entry> later = new ArrayList<>();
            while (!events.isEmpty() && events.peekLast().ticks() > e.ticks()) later.add(events.pollLast());
            events.addLast(entry);
            for (int i = later.size() - 1; i >= 0; i--) events.addLast(later.get(i));
        }
        latest.addLast(e.finding());
        if (latest.size() > Limits.CORRELATION_LINKED) latest.pollFirst();
        latestPerRule[e.rule()] = e.finding();
        if (correlation.type() == Type.VALUE_PERCENTILE && e.value() != null) latestPerValue.put(e.value(), e.finding());
        if (last == null || e.ticks() >= last.ticks()) last = e;
    }

    private void expireBefore(long limit) {
        while (!events.isEmpty() && events.peekFirst().ticks() < limit) events.pollFirst();
    }

    /** The metric of the window against the condition, or null when it does not hold. */
    private Result evaluate() {
        SigmaCorrelation c = correlation;
        double metric;
        String name;
        switch (c.type()) {
            case EVENT_COUNT -> {
                metric = events.size();
                name = "count";
            }
            case VALUE_COUNT -> {
                metric = events.stream().map(Entry::value).filter(v -> v != null).distinct().count();
                name = "distinct " + c.field();
            }
            case VALUE_SUM, VALUE_AVG -> {
                double sum = 0;
                int n = 0;
                for (Entry e : events) {
                    double d = e.value() == null ? Double.NaN : Numbers.parse(e.value());
                    if (!Double.isNaN(d)) {
                        sum += d;
                        n++;
                    }
                }
                if (n == 0) return null;
                metric = c.type() == Type.VALUE_SUM ? sum : sum / n;
                name = (c.type() == Type.VALUE_SUM ? "sum of " : "average of ") + c.field();
            }
            case TEMPORAL -> {
                metric = events.stream().mapToInt(Entry::rule).distinct().count();
                name = "rules";
                if (c.condition() == null) return metric >= c.rules().size() ? result(name, metric, null) : null;
            }
            default -> throw new IllegalStateException("not a counting type: " + c.type());
        }
        return c.condition().holds(metric) ? result(name, metric, null) : null;
    }

    /** temporal_ordered: the rules' events occur in the listed order within the span (as a subsequence). */
    private Result ordered() {
        int next = 0;
        int n = correlation.rules().size();
        for (Entry e : events) {
            if (e.rule() == next && ++next == n) break;
        }
        if (next < n && correlation.condition() == null) return null;
        if (correlation.condition() != null && !correlation.condition().holds(next)) return null;
        return result("rules in order", next, null);
    }

    /**
     * value_percentile: the share (in percent) of the window's events that carry each value; a value whose
     * share meets the condition fires (rare values, with {@code lte}).
     */
    private List<Result> percentiles() {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (Entry e : events) {
            if (e.value() == null) continue;
            counts.merge(e.value(), 1, Integer::sum);
            total++;
        }
        List<Result> out = new ArrayList<>();
        for (Map.Entry<String, Integer> v : new java.util.TreeMap<>(counts).entrySet()) {
            double pct = 100.0 * v.getValue() / total;
            if (correlation.condition().holds(pct)) {
                out.add(new Result("percent of events with this " + correlation.field(), pct, v.getKey(),
                        List.of(latestPerValue.get(v.getKey())), last));
            }
        }
        return out;
    }

    private Result result(String name, double metric, String value) {
        Type t = correlation.type();
        List<Finding> linked = new ArrayList<>();
        if (t == Type.TEMPORAL || t == Type.TEMPORAL_ORDERED) {
            for (Finding f : latestPerRule) {
                if (f != null) linked.add(f);
            }
        } else {
            linked.addAll(latest);
        }
        return new Result(name, metric, value, linked, last);
    }
}
