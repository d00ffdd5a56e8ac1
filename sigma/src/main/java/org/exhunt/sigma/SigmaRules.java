package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.sigma.correlation.CorrelatedMatch;
import org.exhunt.sigma.correlation.Correlation;
import org.exhunt.sigma.correlation.Correlator;
import org.exhunt.sigma.rule.SigmaRule;
import org.exhunt.sigma.value.Fold;

/**
 * A compiled rule set: immutable and safe to share between threads; match records with a {@link SigmaScanner}
 * per thread ({@link #scanner()}). Also the load report: which rules run, which are inactive, which have no
 * log-source mapping, and why the others were not loaded.
 */
public final class SigmaRules {

    /** Windows events are routed first by their channel, the field every Windows log source names. */
    static final String CHANNEL = "Channel";

    private final List<SigmaRule> loaded;
    private final List<SigmaRule> unrouted;
    private final List<InactiveRule> inactive;
    private final List<Diagnostic> problems;
    private final Map<String, TypeRoutes> byType;
    private final List<AppliedFilter> filters;
    private final Correlations.Resolved correlations;
    private final Map<String, List<String>> correlationFields;   // rule id -> the fields its correlations read
    private volatile Map<SigmaRule, Integer> loadedIndex;          // built when a match is first shipped

    /** The routes for one record type: by folded channel, and those that do not look at the channel. */
    record TypeRoutes(Map<String, List<LazyRoute>> byChannel, List<LazyRoute> other) {}

    SigmaRules(List<SigmaRule> loaded, List<SigmaRule> unrouted, List<InactiveRule> inactive,
               List<Diagnostic> problems, List<LazyRoute> routes, List<AppliedFilter> filters, Correlations.Resolved correlations) {
        this.filters = List.copyOf(filters);
        this.correlations = correlations;
        this.correlationFields = Correlator.fieldsRead(correlations.correlations());
        this.loaded = List.copyOf(loaded);
        this.unrouted = List.copyOf(unrouted);
        this.inactive = List.copyOf(inactive);
        this.problems = List.copyOf(problems);
        Map<String, TypeRoutes> index = new HashMap<>();
        for (LazyRoute r : routes) {
            for (String type : r.spec.types()) {
                TypeRoutes t = index.computeIfAbsent(type, k -> new TypeRoutes(new HashMap<>(), new ArrayList<>()));
                String channelKey = r.spec.where().keySet().stream().filter(CHANNEL::equalsIgnoreCase).findFirst().orElse(null);
                if (channelKey == null) {
                    t.other().add(r);
                } else {
                    for (String ch : r.spec.where().get(channelKey)) t.byChannel().computeIfAbsent(ch, k -> new ArrayList<>()).add(r);
                }
            }
        }
        this.byType = index;
    }

    /** A new scanner; scanners are cheap, one per thread. */
    public SigmaScanner scanner() {
        return new SigmaScanner(this, true);
    }

    /**
     * A scanner that evaluates every rule routed to a record, without the literal prefilter: slow, and the
     * reference the prefilter is tested against (it must never hide a match).
     */
    public SigmaScanner exhaustiveScanner() {
        return new SigmaScanner(this, false);
    }

    /** The routes that may select a record of this type and channel (null when the record has none), not compiled yet. */
    void routesFor(String type, String channel, List<LazyRoute> out) {
        TypeRoutes t = byType.get(type);
        if (t == null) return;
        out.addAll(t.other());
        if (channel != null) {
            List<LazyRoute> ch = t.byChannel().get(Fold.fold(channel.trim()));
            if (ch != null) out.addAll(ch);
        }
    }

    /**
     * Whether some rule runs on records of this type: a caller whose records of a type cost something to build
     * (one per file of a drive) builds none when no rule reads them.
     */
    public boolean reads(String recordType) {
        return byType.containsKey(recordType);
    }

    int ruleCount() {
        return loaded.size();
    }

    /** Rules loaded and active (unrouted ones included: they are valid but run on nothing). */
    public List<SigmaRule> loaded() {
        return loaded;
    }

    /** Loaded rules whose log source no mapping names: they never run. */
    public List<SigmaRule> unrouted() {
        return unrouted;
    }

    /** Rules loaded but inactive (unresolved placeholders). */
    public List<InactiveRule> inactive() {
        return inactive;
    }

    /** Why rules or files were not loaded (errors), and warnings. */
    public List<Diagnostic> problems() {
        return problems;
    }

    /** The filter documents loaded and the rules each was added to. */
    public List<AppliedFilter> filters() {
        return filters;
    }

    /** The correlations that run. */
    public List<Correlation> correlations() {
        return correlations.correlations();
    }

    /**
     * Whether a rule's (or correlation's) own findings are reported: not when it only feeds correlations that do
     * not ask to {@code generate} them.
     */
    public boolean reportsOwnFindings(String id) {
        return !correlations.silent().contains(id);
    }

    /** Whether a rule's matches feed a correlation. */
    public boolean correlated(String ruleId) {
        return correlationFields.containsKey(ruleId);
    }

    /**
     * A match of a correlated rule ({@link #correlated}) reduced to what its correlations read, without the record,
     * for a run that keeps matches until all its logs are read; {@code evidence} is what its finding shows when
     * a correlation links it.
     */
    public CorrelatedMatch forCorrelation(SigmaMatch m, List<Evidence> evidence) {
        List<String> fields = correlationFields.get(m.rule().id());
        if (fields == null) throw new IllegalArgumentException("rule " + m.rule().id() + " feeds no correlation");
        return CorrelatedMatch.of(m, fields, evidence);
    }

    /**
     * A match of a correlated rule as it travels to another machine that compiled the same rules: the rule is named by
     * its place among {@link #loaded}, which the same rule files give in the same order everywhere.
     */
    public CorrelatedMatch.Shipped ship(CorrelatedMatch m) {
        int index = loadedIndex().getOrDefault(m.rule(), -1);
        if (index < 0) throw new IllegalArgumentException("rule " + m.rule().id() + " is not one of this set's");
        return m.shipped(index);
    }

    /** The match a machine with the same rules shipped ({@link #ship}), with this set's rule. */
    public CorrelatedMatch received(CorrelatedMatch.Shipped s) {
        SigmaRule rule = loaded.get(s.ruleIndex());
        List<String> fields = correlationFields.get(rule.id());
        if (fields == null) throw new IllegalArgumentException("rule " + rule.id() + " feeds no correlation");
        return CorrelatedMatch.of(rule, fields, s);
    }

    private Map<SigmaRule, Integer> loadedIndex() {
        Map<SigmaRule, Integer> index = loadedIndex;
        if (index == null) {
            index = new IdentityHashMap<>();
            for (int i = 0; i < loaded.size(); i++) index.put(loaded.get(i), i);
            loadedIndex = index;
        }
        return index;
    }

    /** A correlator for one run, sending the findings of correlations that report to {@code out}. */
    public Correlator correlator(Consumer<Finding> out) {
        return new Correlator(correlations.correlations(), this::reportsOwnFindings, out);
    }

    /** True when some rule or file could not be loaded. */
    public boolean incomplete() {
        return problems.stream().anyMatch(Diagnostic::isError);
    }
}
