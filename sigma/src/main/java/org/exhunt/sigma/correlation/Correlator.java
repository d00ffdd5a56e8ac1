package org.exhunt.sigma.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Severity;
import org.exhunt.sigma.SigmaMatch;
import org.exhunt.sigma.rule.SigmaCorrelation;
import org.exhunt.sigma.value.Fold;

/**
 * Runs correlations over the matches of one run, fed in time order (a stream merged from many files). State is
 * a window per correlation and group; a group whose newest event is older than its correlation's time span is
 * closed and dropped as later events arrive; all windows of all correlations hold at most
 * {@link Limits#CORRELATION_ENTRIES} entries and {@link Limits#CORRELATION_GROUPS} groups are open at most
 * (beyond, the least recently updated group of any correlation is closed early, which can fire it, and is
 * counted in {@link #evicted()}). Events that arrive out of order are put in place within their group's window.
 * Not thread-safe: one per run.
 */
public final class Correlator {

    private final List<Correlation> correlations;
    private final Map<String, List<Slot>> byRef = new HashMap<>();   // rule or correlation id or name -> uses
    private final List<LinkedHashMap<List<String>, GroupWindow>> groups = new ArrayList<>();
    private final Consumer<Finding> out;
    private final java.util.function.Predicate<String> reported;   // correlation ids whose findings are reported
    private final long maxEntries;
    private final long maxGroups;
    private long updates;   // a clock of group updates, to find the least recently updated group of all
    private long entries;
    private long openGroups;
    private long evicted;
    private long untimed;

    /** A correlation and the index of one of its rules. */
    private record Slot(int correlation, int rule) {}

    /**
     * @param reported which correlations' findings go to {@code out} (a correlation that only feeds another,
     *                 without {@code generate}, is not reported itself)
     */
    public Correlator(List<Correlation> correlations, java.util.function.Predicate<String> reported, Consumer<Finding> out) {
        this(correlations, reported, out, Limits.CORRELATION_ENTRIES, Limits.CORRELATION_GROUPS);
    }

    /** With other caps than {@link Limits}' (tests). */
    Correlator(List<Correlation> correlations, java.util.function.Predicate<String> reported, Consumer<Finding> out,
               long maxEntries, long maxGroups) {
        this.correlations = List.copyOf(correlations);
        this.out = out;
        this.reported = reported;
        this.maxEntries = maxEntries;
        this.maxGroups = maxGroups;
        for (int c = 0; c < correlations.size(); c++) {
            groups.add(new LinkedHashMap<>(16, 0.75f, true));
            List<String> refs = correlations.get(c).refs();
            for (int r = 0; r < refs.size(); r++) {
                byRef.computeIfAbsent(refs.get(r), k -> new ArrayList<>()).add(new Slot(c, r));
            }
        }
    }

    /**
     * For each rule (or correlation) that correlations use, the fields they read of its events: the group-by fields
     * (by the rule's alias where one is given) and the measured field, in the order first named.
     */
    public static Map<String, List<String>> fieldsRead(List<Correlation> correlations) {
        Map<String, Set<String>> read = new HashMap<>();
        for (Correlation c : correlations) {
            List<String> refs = c.refs();
            for (int r = 0; r < refs.size(); r++) {
                Set<String> fields = read.computeIfAbsent(refs.get(r), k -> new LinkedHashSet<>());
                for (String g : c.rule().groupBy()) fields.add(c.fieldFor(g, r));
                if (c.rule().field() != null) fields.add(c.fieldFor(c.rule().field(), r));
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        read.forEach((id, fields) -> out.put(id, List.copyOf(fields)));
        return Map.copyOf(out);
    }

    /** Feeds a rule match; matches without a time cannot be placed in a window and are only counted. */
    public void accept(SigmaMatch m) {
        if (wanted(m.rule().id(), m.record().time())) {
            feed(m.rule().id(), Ticks.of(m.record().time()), m::values, m.toFinding());
        }
    }

    /** Feeds a match kept without its record; the same as {@link #accept(SigmaMatch)} for the match it was made of. */
    public void accept(CorrelatedMatch m) {
        if (wanted(m.rule().id(), m.time())) feed(m.rule().id(), Ticks.of(m.time()), m::values, m.finding());
    }

    private boolean wanted(String id, Instant time) {
        if (!byRef.containsKey(id)) return false;
        if (time == null) untimed++;
        return time != null;
    }

    private void feed(String id, long ticks, Function<String, List<String>> fields, Finding finding) {
        for (Slot s : byRef.getOrDefault(id, List.of())) {
            Correlation c = correlations.get(s.correlation);
            SigmaCorrelation rule = c.rule();
            List<String> key = new ArrayList<>();
            for (String g : rule.groupBy()) key.add(first(fields.apply(c.fieldFor(g, s.rule))));
            String value = rule.field() == null ? null : firstOrNull(fields.apply(c.fieldFor(rule.field(), s.rule)));
            LinkedHashMap<List<String>, GroupWindow> table = groups.get(s.correlation);
            GroupWindow w = table.get(key);
            if (w == null) {
                w = new GroupWindow(rule);
                table.put(key, w);
                openGroups++;
            }
            w.updated = ++updates;
            long before = w.size();
            List<GroupWindow.Result> fired = w.add(new Event(ticks, s.rule, value, finding));
            entries += w.size() - before;
            for (GroupWindow.Result r : fired) report(s.correlation, key, r);
        }
        expire(ticks);
        while ((entries > maxEntries || openGroups > maxGroups) && openGroups > 0) {
            evicted++;
            closeLeastRecentlyUpdated();
        }
    }

    /**
     * Closes the groups whose newest event left their correlation's time span. Input comes in time order, so
     * such a group can take no more events (one that still came would be older than its window).
     */
    private void expire(long now) {
        for (int c = 0; c < correlations.size(); c++) {
            long span = Ticks.of(correlations.get(c).rule().timespan());
            LinkedHashMap<List<String>, GroupWindow> table = groups.get(c);
            // a fresh look at the eldest each time: closing can fire, and a finding fed on may change any table
            while (!table.isEmpty()) {
                Map.Entry<List<String>, GroupWindow> e = table.entrySet().iterator().next();
                if (e.getValue().newest() >= now - span) break;
                close(c, e.getKey());
            }
        }
    }

    /** Closes the group updated longest ago, over all correlations: each table's eldest is its candidate. */
    private void closeLeastRecentlyUpdated() {
        int oldest = -1;
        List<String> key = null;
        long when = Long.MAX_VALUE;
        for (int c = 0; c < correlations.size(); c++) {
            LinkedHashMap<List<String>, GroupWindow> table = groups.get(c);
            if (table.isEmpty()) continue;
            Map.Entry<List<String>, GroupWindow> e = table.entrySet().iterator().next();
            if (e.getValue().updated < when) {
                when = e.getValue().updated;
                oldest = c;
                key = e.getKey();
            }
        }
        close(oldest, key);
    }

    /** Closes and drops one group; what fires is reported (and fed on to correlations that use it). */
    private void close(int c, List<String> key) {
        GroupWindow w = groups.get(c).remove(key);
        entries -= w.size();
        openGroups--;
        for (GroupWindow.Result r : w.close()) report(c, key, r);
    }

    /** Closes every window (the end of the stream): conditions decided at closing fire now. */
    public void finish() {
        boolean closed = true;
        while (closed) {   // a finding fed on to a chained correlation opens a group there, maybe in one closed already
            closed = false;
            for (int c = 0; c < correlations.size(); c++) {
                LinkedHashMap<List<String>, GroupWindow> table = groups.get(c);
                while (!table.isEmpty()) {
                    close(c, table.keySet().iterator().next());
                    closed = true;
                }
            }
        }
    }

    /** Groups closed early to keep within {@link Limits#CORRELATION_ENTRIES} and {@link Limits#CORRELATION_GROUPS}. */
    public long evicted() {
        return evicted;
    }

    /** Matches of correlated rules that carried no time. */
    public long untimed() {
        return untimed;
    }

    /** Window entries held now. */
    public long entries() {
        return entries;
    }

    /** Groups with an open window now. */
    public long openGroups() {
        return openGroups;
    }

    private void report(int c, List<String> key, GroupWindow.Result r) {
        SigmaCorrelation rule = correlations.get(c).rule();
        Finding last = r.last().finding();
        Severity level = rule.level();
        if (level == null) {
            level = r.linked().stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFORMATIONAL);
        }
        Finding.Builder b = Finding.builder(SigmaMatch.DETECTOR, rule.id())
                .title(rule.title())
                .severity(level)
                .tags(rule.tags())
                .stage(SigmaMatch.stage(rule.tags(), level))
                .time(last.time())
                .source(last.source())
                .meta("correlation", rule.type().label() + " within " + rule.timespan().toString().substring(2).toLowerCase(Locale.ROOT)
                        + (rule.groupBy().isEmpty() ? "" : " by " + String.join(", ", rule.groupBy()))
                        + (rule.condition() == null ? "" : ", " + rule.condition()));
        if (rule.author() != null) b.meta("author", rule.author());
        if (rule.description() != null) b.meta("description", rule.description().trim());
        if (!rule.references().isEmpty()) b.meta("references", String.join(" ", rule.references()));
        for (int i = 0; i < key.size(); i++) b.evidence(rule.groupBy().get(i), key.get(i));
        if (r.value() != null) b.evidence(rule.field(), r.value());
        b.evidence(r.metricName(), number(r.metric()));
        r.linked().forEach(b::link);
        Finding f = b.build();
        if (reported.test(rule.id())) out.accept(f);
        Map<String, String> groupFields = new HashMap<>();
        for (int i = 0; i < key.size(); i++) groupFields.put(rule.groupBy().get(i), key.get(i));
        feed(rule.id(), last.time() == null ? r.last().ticks() : Ticks.of(last.time()),
                name -> groupFields.containsKey(name) ? List.of(groupFields.get(name)) : List.of(), f);
    }

    private static String number(double d) {
        return d % 1 == 0 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : Fold.fold(values.get(0));
    }

    private static String firstOrNull(List<String> values) {
        return values.isEmpty() ? null : Fold.fold(values.get(0));
    }
}
