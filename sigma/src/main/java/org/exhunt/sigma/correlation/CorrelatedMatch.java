package org.exhunt.sigma.correlation;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.SigmaMatch;
import org.exhunt.sigma.rule.SigmaRule;

/**
 * A rule match reduced to what correlations read of it: the rule, the record's time and place, the first value of
 * each field the rule's correlations group by or measure, and the evidence its finding shows when a correlation
 * links it. It holds no record, so that a run that reads its logs in no time order (a scan, on several threads)
 * can keep matches until every log is read and then feed them in time order ({@link Correlator#accept(CorrelatedMatch)}).
 * Immutable.
 */
public final class CorrelatedMatch {

    private final SigmaRule rule;
    private final Instant time;
    private final SourceRef source;
    private final List<String> fields;   // the same list for every match of a rule
    private final String[] values;       // the first value of each field, or null
    private final String[] evidence;     // name, value, name, value, ...

    private CorrelatedMatch(SigmaRule rule, Instant time, SourceRef source, List<String> fields, String[] values,
                            String[] evidence) {
        this.rule = rule;
        this.time = time;
        this.source = source;
        this.fields = fields;
        this.values = values;
        this.evidence = evidence;
    }

    /**
     * @param fields   the fields the rule's correlations read ({@link Correlator#fieldsRead})
     * @param evidence what the finding shows when linked, in order (the caller keeps it short)
     */
    public static CorrelatedMatch of(SigmaMatch m, List<String> fields, List<Evidence> evidence) {
        String[] values = new String[fields.size()];
        for (int i = 0; i < values.length; i++) {
            List<String> v = m.values(fields.get(i));
            values[i] = v.isEmpty() ? null : v.get(0);
        }
        String[] pairs = new String[2 * evidence.size()];
        for (int i = 0; i < evidence.size(); i++) {
            pairs[2 * i] = evidence.get(i).name();
            pairs[2 * i + 1] = evidence.get(i).value();
        }
        return new CorrelatedMatch(m.rule(), m.record().time(), m.record().source(), fields, values, pairs);
    }

    public SigmaRule rule() {
        return rule;
    }

    /** The record's time, or null when it had none. */
    public Instant time() {
        return time;
    }

    /** The value of a field the rule's correlations read, as a list of at most one. */
    List<String> values(String field) {
        int i = fields.indexOf(field);
        return i < 0 || values[i] == null ? List.of() : List.of(values[i]);
    }

    /**
     * The match as it travels to another machine, where the same rules are compiled too: the rule by its place
     * among the rule set's loaded rules ({@link org.exhunt.sigma.SigmaRules#received}), everything else as it is.
     */
    public Shipped shipped(int ruleIndex) {
        return new Shipped(ruleIndex, rule.id(), time, source, values, evidence);
    }

    /** A match rebuilt from what was shipped, with the rule it names on this machine. */
    public static CorrelatedMatch of(SigmaRule rule, List<String> fields, Shipped s) {
        if (!rule.id().equals(s.ruleId)) throw new IllegalArgumentException("shipped for rule " + s.ruleId + ", not " + rule.id());
        return new CorrelatedMatch(rule, s.time, s.source, fields, s.values, s.evidence);
    }

    /** A match shipped to another machine ({@link #shipped}). */
    public static final class Shipped implements Serializable {
        private final int ruleIndex;
        private final String ruleId;
        private final Instant time;
        private final SourceRef source;
        private final String[] values;
        private final String[] evidence;

        private Shipped(int ruleIndex, String ruleId, Instant time, SourceRef source, String[] values, String[] evidence) {
            this.ruleIndex = ruleIndex;
            this.ruleId = ruleId;
            this.time = time;
            this.source = source;
            this.values = values;
            this.evidence = evidence;
        }

        /** The rule's place among the loaded rules of the set it matched in. */
        public int ruleIndex() {
            return ruleIndex;
        }
    }

    /** The finding a correlation links: the rule's, at the record's time and place, with the evidence kept. */
    public Finding finding() {
        Finding.Builder b = SigmaMatch.findingOf(rule, time, source);
        for (int i = 0; i < evidence.length; i += 2) b.evidence(evidence[i], evidence[i + 1]);
        return b.build();
    }
}
