package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

/**
 * {@code and}, {@code or}, {@code not}, with libyara's short circuits: {@code and} stops at a defined
 * false operand and {@code or} at a defined true one (keeping that operand's value); otherwise both give 0
 * or 1, undefined counting as false. {@code not} keeps undefined.
 */
public final class Logic {

    private Logic() {}

    public static final class And extends Binary {
        public And(Node left, Node right) {
            super(ExprType.BOOLEAN, left, right);
        }

        /** Either side's requirement will do; the shorter one is cheaper to check. */
        @Override
        public int[] requiredStrings() {
            int[] a = left.requiredStrings();
            int[] b = right.requiredStrings();
            if (a == null) return b;
            if (b == null) return a;
            return a.length <= b.length ? a : b;
        }

        @Override
        public long evalInt(EvalContext c) {
            long a = left.evalBool(c);
            if (a == 0) return a;
            long b = right.evalBool(c);
            return Values.of(a != UNDEFINED && b != UNDEFINED && b != 0);
        }
    }

    public static final class Or extends Binary {
        public Or(Node left, Node right) {
            super(ExprType.BOOLEAN, left, right);
        }

        @Override
        public int[] requiredStrings() {
            int[] a = left.requiredStrings();
            int[] b = right.requiredStrings();
            if (a == null || b == null) return null;
            int[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }

        @Override
        public long evalInt(EvalContext c) {
            long a = left.evalBool(c);
            if (a != UNDEFINED && a != 0) return a;
            long b = right.evalBool(c);
            return Values.of(b != UNDEFINED && b != 0);
        }
    }

    public static final class Not extends Unary {
        public Not(Node operand) {
            super(ExprType.BOOLEAN, operand);
        }

        @Override
        public long evalInt(EvalContext c) {
            long v = operand.evalBool(c);
            return v == UNDEFINED ? UNDEFINED : Values.of(v == 0);
        }
    }

    /** An expression used as a whole condition or a loop body: its boolean-context value. */
    public static final class AsBool extends Unary {
        public AsBool(Node operand) {
            super(ExprType.BOOLEAN, operand);
        }

        @Override
        public int[] requiredStrings() {
            return operand.requiredStrings();
        }

        @Override
        public long evalInt(EvalContext c) {
            return operand.evalBool(c);
        }
    }
}
