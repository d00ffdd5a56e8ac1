package org.exhunt.sigma.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * a window per correlation and group; a group whose newest event is older than the time span is closed and
 * dropped as later events arrive; all windows hold at most {@link Limits#CORRELATION_ENTRIES} entries and
 * {@link Limits#CORRELATION_GROUPS} groups are open at most (beyond, the least recently updated group of the
 * correlation at hand is closed early, which can fire it, and is counted in {@link #evicted()}). Events
 * that arrive out of order are put in place within their group's window. Not thread-safe: one per run.
 */
public final class Correlator {

    private final List<Correlation> correlations;
    private final Map<String, List<Slot>> byRef = new HashMap<>();   // rule or correlation id or name -> uses
    private final List<LinkedHashMap<List<String>, GroupWindow>> groups = new ArrayList<>();
    private final Consumer<Finding> out;
    private final java.util.function.Predicate<String> reported;   // correlation ids whose findings are reported
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
        this.correlations = List.copyOf(correlations);
        this.out = out;
        this.reported = reported;
        for (int c = 0; c < correlations.size(); c++) {
            groups.add(new LinkedHashMap<>(16, 0.75f, true));
            List<String> refs = correlations.get(c).refs();
            for (int r = 0; r < refs.size(); r++) {
                byRef.computeIfAbsent(refs.get(r), k -> new ArrayList<>()).add(new Slot(c, r));
            }
        }
    }

    /** Feeds a rule match; matches without a time cannot be placed in a window and are only counted. */
    public void accept(SigmaMatch m) {
        if (!byRef.containsKey(m.rule().id())) return;
        Instant t = m.record().time();
        if (t == null) {
            untimed++;
            return;
        }
        feed(m.rule().id(), t.toEpochMilli(), m::values, m.toFinding());
    }

    private void feed(String id, long millis, Function<String, List<String>> fields, Finding finding) {
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
            long before = w.size();
            List<GroupWindow.Result> fired = w.add(new Event(millis, s.rule, value, finding));
            entries += w.size() - before;
            for (GroupWindow.Result r : fired) report(s.correlation, key, r);
            expire(s.correlation, millis);
            while ((entries > Limits.CORRELATION_ENTRIES || openGroups > Limits.CORRELATION_GROUPS) && table.size() > 1) {
                evicted++;
                closeEldest(s.correlation);
            }
        }
    }

    /** Closes the groups of a correlation whose newest event left the time span. */
    private void expire(int c, long now) {
        long span = correlations.get(c).rule().timespan().toMillis();
        LinkedHashMap<List<String>, GroupWindow> table = groups.get(c);
        Iterator<Map.Entry<List<String>, GroupWindow>> it = table.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<List<String>, GroupWindow> e = it.next();
            if (e.getValue().newest() >= now - span) break;
            entries -= e.getValue().size();
            List<GroupWindow.Result> fired = e.getValue().close();
            it.remove();
            openGroups--;
            for (GroupWindow.Result r : fired) report(c, e.getKey(), r);
        }
    }

    private void closeEldest(int c) {
        Iterator<Map.Entry<List<String>, GroupWindow>> it = groups.get(c).entrySet().iterator();
        Map.Entry<List<String>, GroupWindow> e = it.next();
        entries -= e.getValue().size();
        List<GroupWindow.Result> fired = e.getValue().close();
        it.remove();
        openGroups--;
        for (GroupWindow.Result r : fired) report(c, e.getKey(), r);
    }

    /** Closes every window (the end of the stream): conditions decided at closing fire now. */
    public void finish() {
        for (int c = 0; c < correlations.size(); c++) {
            while (!groups.get(c).isEmpty()) closeEldest(c);
        }
    }

    /** Groups closed early to keep within {@link Limits#CORRELATION_ENTRIES}. */
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
        feed(rule.id(), last.time() == null ? r.last().millis() : last.time().toEpochMilli(),
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
