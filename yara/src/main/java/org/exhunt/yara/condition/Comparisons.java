package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

import java.util.Arrays;
import org.exhunt.yara.regex.Chars;

/**
 * Comparisons and string tests. Undefined operands give undefined, except libyara's float {@code <},
 * which gives false (so {@code not (1.5 < x)} is true when x is undefined). Floats are equal when they
 * differ by less than {@code DBL_EPSILON}. Strings compare byte-wise, then by length.
 */
public final class Comparisons {

    private Comparisons() {}

    public enum Op {
        EQ, NE, LT, LE, GT, GE;

        /** Whether the operator holds for operands that compare as {@code cmp} (negative, zero, positive). */
        boolean holds(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
    }

    public enum StringTest { CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH, IEQUALS }

    private static final double DBL_EPSILON = Math.ulp(1.0);

    public static final class IntCompare extends Binary {
        private final Op op;

        public IntCompare(Op op, Node left, Node right) {
            super(ExprType.BOOLEAN, left, right);
            this.op = op;
        }

        /**
         * {@code @a[i] == x} and the like are undefined without matches; {@code #a > 2} and the like are
         * false when a count of 0 does not satisfy them.
         */
        @Override
        public int[] requiredStrings() {
            if (left instanceof StringQueries.Nth n) return n.undefinedWithout();
            if (right instanceof StringQueries.Nth n) return n.undefinedWithout();
            Long constant = Literals.IntConst.valueOf(right);
            int[] counted = counted(left);
            if (constant != null && counted != null && constant != UNDEFINED && !op.holds(Long.compare(0, constant))) {
                return counted;
            }
            constant = Literals.IntConst.valueOf(left);
            counted = counted(right);
            if (constant != null && counted != null && constant != UNDEFINED && !op.holds(Long.compare(constant, 0))) {
                return counted;
            }
            return null;
        }

        private static int[] counted(Node n) {
            if (n instanceof StringQueries.Count c) return c.countedString();
            if (n instanceof StringQueries.InRange r) return r.countedString();
            return null;
        }

        @Override
        public long evalInt(EvalContext c) {
            long a = left.evalInt(c);
            long b = right.evalInt(c);
            if (a == UNDEFINED || b == UNDEFINED) return UNDEFINED;
            return Values.of(op.holds(Long.compare(a, b)));
        }
    }

    public static final class FloatCompare extends Binary {
        private final Op op;

        public FloatCompare(Op op, Node left, Node right) {
            super(ExprType.BOOLEAN, left, right);
            this.op = op;
        }

        @Override
        public long evalInt(EvalContext c) {
            double a = left.evalFloat(c);
            double b = right.evalFloat(c);
            if (Values.isUndefined(a) || Values.isUndefined(b)) return op == Op.LT ? 0 : UNDEFINED;
            return Values.of(switch (op) {
                case EQ -> Math.abs(a - b) < DBL_EPSILON;
                case NE -> Math.abs(a - b) >= DBL_EPSILON;
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
            });
        }
    }

    public static final class StringCompare extends Binary {
        private final Op op;

        public StringCompare(Op op, Node left, Node right) {
            super(ExprType.BOOLEAN, left, right);
            this.op = op;
        }

        @Override
        public long evalInt(EvalContext c) {
            byte[] a = left.evalString(c);
            byte[] b = right.evalString(c);
            if (a == null || b == null) return UNDEFINED;
            return Values.of(op.holds(compare(a, b)));
        }
    }

    /** libyara's {@code ss_compare}: unsigned bytes up to the shorter length, then the lengths. */
    static int compare(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            if (d != 0) return d;
        }
        return Integer.compare(a.length, b.length);
    }

    public static final class StringTestNode extends Binary {
        private final StringTest test;

        public StringTestNode(StringTest test, Node left, Node right) {
            super(ExprType.BOOLEAN, left, right);
            this.test = test;
        }

        @Override
        public long evalInt(EvalContext c) {
            byte[] a = left.evalString(c);
            byte[] b = right.evalString(c);
            if (a == null || b == null) return UNDEFINED;
            return Values.of(switch (test) {
                case CONTAINS -> indexOf(a, b, false) >= 0;
                case ICONTAINS -> indexOf(a, b, true) >= 0;
                case STARTSWITH -> regionEquals(a, 0, b, false);
                case ISTARTSWITH -> regionEquals(a, 0, b, true);
                case ENDSWITH -> a.length >= b.length && regionEquals(a, a.length - b.length, b, false);
                case IENDSWITH -> a.length >= b.length && regionEquals(a, a.length - b.length, b, true);
                case IEQUALS -> a.length == b.length && regionEquals(a, 0, b, true);
            });
        }
    }

    private static boolean regionEquals(byte[] a, int at, byte[] b, boolean noCase) {
        if (at + b.length > a.length) return false;
        if (!noCase) return Arrays.equals(a, at, at + b.length, b, 0, b.length);
        for (int i = 0; i < b.length; i++) {
            if (Chars.lower(a[at + i] & 0xFF) != Chars.lower(b[i] & 0xFF)) return false;
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, boolean noCase) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (regionEquals(haystack, i, needle, noCase)) return i;
        }
        return -1;
    }
}
