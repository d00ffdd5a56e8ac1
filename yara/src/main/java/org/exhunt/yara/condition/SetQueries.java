package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

/**
 * {@code N of (...)}, {@code N of (...) in (x..y)} and {@code N% of (...)}, over strings or rules. The
 * quantifier is evaluated at run time as in libyara: undefined means {@code all}, 0 means exactly none,
 * anything else "at least that many".
 */
public final class SetQueries {

    private SetQueries() {}

    /** The set, when the quantifier is a constant that no set without matches satisfies (all, any, N >= 1). */
    static int[] required(Node quantifier, int[] members) {
        Long q = Literals.IntConst.valueOf(quantifier);
        if (q == null || members.length == 0) return null;
        return q == UNDEFINED || q > 0 ? members : null;
    }

    static long quantify(long quantifier, int found, int count) {
        if (quantifier == UNDEFINED) return Values.of(found >= count);
        if (quantifier == 0) return Values.of(found == 0);
        return Values.of(found >= quantifier);
    }

    public static final class StringsOf extends Node {
        private final Node quantifier;
        private final int[] strings;

        public StringsOf(Node quantifier, int[] strings) {
            super(ExprType.BOOLEAN, quantifier);
            this.quantifier = quantifier;
            this.strings = strings;
        }

        @Override
        public int[] requiredStrings() {
            return required(quantifier, strings);
        }

        @Override
        public long evalInt(EvalContext c) {
            long q = quantifier.evalBool(c);
            int found = 0;
            for (int s : strings) if (c.matches[s].count() > 0) found++;
            return quantify(q, found, strings.length);
        }
    }

    public static final class StringsOfIn extends Node {
        private final Node quantifier;
        private final int[] strings;
        private final Node from;
        private final Node to;

        public StringsOfIn(Node quantifier, int[] strings, Node from, Node to) {
            super(ExprType.BOOLEAN, quantifier, from, to);
            this.quantifier = quantifier;
            this.strings = strings;
            this.from = from;
            this.to = to;
        }

        @Override
        public int[] requiredStrings() {
            return required(quantifier, strings);
        }

        @Override
        public long evalInt(EvalContext c) {
            long q = quantifier.evalBool(c);
            long lo = from.evalInt(c);
            long hi = to.evalInt(c);
            if (lo == UNDEFINED || hi == UNDEFINED) return UNDEFINED;
            int found = 0;
            for (int s : strings) {
                MatchList m = c.matches[s];
                int i = m.firstAtOrAfter(lo);
                if (i < m.count() && m.offset(i) <= hi) found++;
            }
            return quantify(q, found, strings.length);
        }
    }

    public static final class RulesOf extends Node {
        private final Node quantifier;
        private final int[] rules;

        public RulesOf(Node quantifier, int[] rules) {
            super(ExprType.BOOLEAN, quantifier);
            this.quantifier = quantifier;
            this.rules = rules;
        }

        @Override
        public long evalInt(EvalContext c) {
            long q = quantifier.evalBool(c);
            int found = 0;
            for (int r : rules) found += (int) c.ruleResults[r];
            return quantify(q, found, rules.length);
        }
    }

    /** {@code N% of}: the share of strings (or rules) found, in percent, at least N; undefined N is undefined. */
    public static final class PercentOf extends Node {
        private final Node percent;
        private final int[] members;
        private final boolean rules;

        public PercentOf(Node percent, int[] members, boolean rules) {
            super(ExprType.BOOLEAN, percent);
            this.percent = percent;
            this.members = members;
            this.rules = rules;
        }

        @Override
        public long evalInt(EvalContext c) {
            long p = percent.evalInt(c);
            int found = 0;
            for (int m : members) {
                if (rules) found += (int) c.ruleResults[m];
                else if (c.matches[m].count() > 0) found++;
            }
            if (p == UNDEFINED || members.length == 0) return UNDEFINED;
            return Values.of(((double) found / members.length) * 100 >= p);
        }
    }
}
