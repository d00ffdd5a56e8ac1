package org.exhunt.sigma.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;

/**
 * A Sigma correlation document: events of the rules it names, grouped by field values, within a time span.
 * Immutable.
 *
 * @param level     the correlation's level, or {@code null} when it gives none (the highest of its events' then)
 * @param rules     ids or names of Sigma rules or of other correlations
 * @param groupBy   field names (or alias names) whose values make a group
 * @param field     the field a value_* correlation reads, or {@code null}
 * @param aliases   alias name → (rule id or name → field name)
 * @param generate  whether the named rules also report their own events
 */
public record SigmaCorrelation(SourceRef where, String id, String name, String title, Severity level,
                               String description, String author, List<String> references, List<String> tags,
                               Type type, List<String> rules, List<String> groupBy, Duration timespan,
                               Threshold condition, String field, Map<String, Map<String, String>> aliases,
                               boolean generate) {

    /** The correlation types of Sigma 2.1. */
    public enum Type {
        EVENT_COUNT, VALUE_COUNT, VALUE_SUM, VALUE_AVG, VALUE_PERCENTILE, TEMPORAL, TEMPORAL_ORDERED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SigmaCorrelation {
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }

    /**
     * A condition on a number (a count, a sum, an average, a percentage): every bound must hold. An absent
     * condition of a temporal correlation means "all the rules".
     */
    public record Threshold(Double gt, Double gte, Double lt, Double lte, Double eq, Double neq) {

        public boolean holds(double v) {
            return (gt == null || v > gt) && (gte == null || v >= gte) && (lt == null || v < lt)
                    && (lte == null || v <= lte) && (eq == null || v == eq) && (neq == null || v != neq);
        }

        /**
         * Whether only lower bounds are set: then a count that grows can be decided on every new event; other
         * conditions are decided when a window closes.
         */
        public boolean lowerBoundsOnly() {
            return lt == null && lte == null && eq == null && neq == null;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            append(s, "gt", gt);
            append(s, "gte", gte);
            append(s, "lt", lt);
            append(s, "lte", lte);
            append(s, "eq", eq);
            append(s, "neq", neq);
            return s.toString().trim();
        }

        private static void append(StringBuilder s, String op, Double v) {
            if (v != null) s.append(op).append(' ').append(v % 1 == 0 ? String.valueOf(v.longValue()) : String.valueOf(v)).append(' ');
        }
    }
}
