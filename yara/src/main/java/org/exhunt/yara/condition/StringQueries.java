package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

/**
 * Questions about one string's matches: {@code $a}, {@code $a at n}, {@code $a in (x..y)}, {@code #a},
 * {@code #a in (x..y)}, {@code @a[i]}, {@code !a[i]} (i counts from 1). The string is fixed, or, inside a
 * {@code for ... of} loop, the loop's current string ({@code $}) read from a variable slot.
 */
public final class StringQueries {

    private StringQueries() {}

    /** Which string: a fixed index, or the loop variable in {@code slot} when {@code slot >= 0}. */
    public record Target(int index, int slot) {

        public static Target of(int index) {
            return new Target(index, -1);
        }

        public static Target loop(int slot) {
            return new Target(-1, slot);
        }

        MatchList list(EvalContext c) {
            return c.matches[slot < 0 ? index : (int) c.vars[slot]];
        }

        /** The fixed string as a requirement; null for the loop's {@code $}. */
        int[] required() {
            return slot < 0 ? new int[] {index} : null;
        }
    }

    public static final class Found extends Node {
        private final Target target;

        public Found(Target target) {
            super(ExprType.BOOLEAN);
            this.target = target;
        }

        @Override
        public int[] requiredStrings() {
            return target.required();
        }

        @Override
        public long evalInt(EvalContext c) {
            return Values.of(target.list(c).count() > 0);
        }
    }

    public static final class FoundAt extends Node {
        private final Target target;
        private final Node offset;

        public FoundAt(Target target, Node offset) {
            super(ExprType.BOOLEAN, offset);
            this.target = target;
            this.offset = offset;
        }

        @Override
        public int[] requiredStrings() {
            return target.required();
        }

        @Override
        public long evalInt(EvalContext c) {
            long at = offset.evalInt(c);
            if (at == UNDEFINED) return UNDEFINED;
            MatchList m = target.list(c);
            int i = m.firstAtOrAfter(at);
            return Values.of(i < m.count() && m.offset(i) == at);
        }
    }

    public static final class Count extends Node {
        private final Target target;

        public Count(Target target) {
            super(ExprType.INTEGER);
            this.target = target;
        }

        /** The string whose count this is, when fixed. */
        int[] countedString() {
            return target.required();
        }

        @Override
        public long evalInt(EvalContext c) {
            return target.list(c).count();
        }
    }

    /** {@code $a in (x..y)} (whether a match starts in the range) or {@code #a in (x..y)} (how many do). */
    public static final class InRange extends Node {
        private final Target target;
        private final Node from;
        private final Node to;
        private final boolean count;

        public InRange(Target target, Node from, Node to, boolean count) {
            super(count ? ExprType.INTEGER : ExprType.BOOLEAN, from, to);
            this.target = target;
            this.from = from;
            this.to = to;
            this.count = count;
        }

        @Override
        public int[] requiredStrings() {
            return count ? null : target.required();
        }

        /** For {@code #a in (x..y)}: the string whose count this is, when fixed. */
        int[] countedString() {
            return count ? target.required() : null;
        }

        @Override
        public long evalInt(EvalContext c) {
            long lo = from.evalInt(c);
            long hi = to.evalInt(c);
            if (lo == UNDEFINED || hi == UNDEFINED) return UNDEFINED;
            MatchList m = target.list(c);
            long n = 0;
            for (int i = m.firstAtOrAfter(lo); i < m.count() && m.offset(i) <= hi; i++) {
                if (!count) return 1;
                n++;
            }
            return n;
        }
    }

    /** {@code @a[i]} or, with {@code length}, {@code !a[i]}. */
    public static final class Nth extends Node {
        private final Target target;
        private final Node index;
        private final boolean length;

        public Nth(Target target, Node index, boolean length) {
            super(ExprType.INTEGER, index);
            this.target = target;
            this.index = index;
            this.length = length;
        }

        /** Without matches {@code @a[i]} and {@code !a[i]} are undefined, and so is a comparison with them. */
        int[] undefinedWithout() {
            return target.required();
        }

        @Override
        public long evalInt(EvalContext c) {
            long i = index.evalInt(c);
            if (i == UNDEFINED) return UNDEFINED;
            MatchList m = target.list(c);
            if (i < 1 || i > m.count()) return UNDEFINED;
            return length ? m.length((int) i - 1) : m.offset((int) i - 1);
        }
    }
}
