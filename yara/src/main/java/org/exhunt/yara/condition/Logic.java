package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

/**
 * {@code and}, {@code or}, {@code not}, with libyara's short circuits: {@code and} stops at a defined
 * false operand and {@code or} at a defined true one (keeping that operand's value); otherwise both give 0
 * or 1, undefined counting as false. {@code not} keeps undefined. A left-associative chain ({@code a and b
 * and c ...}, which libyara parses however long) is one node over all its operands, evaluated in a loop as
 * the nested pairs would be, so that its length costs no recursion.
 */
public final class Logic {

    private Logic() {}

    /** {@code a and b and ...}: as {@code ((a and b) and c) ...}. */
    public static final class And extends Node {
        private final Node[] operands;

        public And(Node... operands) {
            super(ExprType.BOOLEAN, operands);
            this.operands = operands;
        }

        /** Any operand's requirement will do; the shortest is the cheapest to check. */
        @Override
        public int[] requiredStrings() {
            int[] shortest = null;
            for (Node o : operands) {
                int[] r = o.requiredStrings();
                if (r != null && (shortest == null || r.length < shortest.length)) shortest = r;
            }
            return shortest;
        }

        /** A defined false first operand is the value; after it, any operand not true makes the rest unread. */
        @Override
        public long evalInt(EvalContext c) {
            long first = operands[0].evalBool(c);
            if (first == 0) return 0;
            boolean all = first != UNDEFINED;
            for (int i = 1; i < operands.length; i++) {
                long v = operands[i].evalBool(c);
                all = all && v != UNDEFINED && v != 0;
                if (!all) return 0;
            }
            return 1;
        }
    }

    /** {@code a or b or ...}: as {@code ((a or b) or c) ...}. */
    public static final class Or extends Node {
        private final Node[] operands;

        public Or(Node... operands) {
            super(ExprType.BOOLEAN, operands);
            this.operands = operands;
        }

        /** Each operand needs one of its strings, or the chain needs none. */
        @Override
        public int[] requiredStrings() {
            int[][] each = new int[operands.length][];
            int total = 0;
            for (int i = 0; i < operands.length; i++) {
                each[i] = operands[i].requiredStrings();
                if (each[i] == null) return null;
                total += each[i].length;
            }
            int[] all = new int[total];
            int at = 0;
            for (int[] r : each) {
                System.arraycopy(r, 0, all, at, r.length);
                at += r.length;
            }
            return all;
        }

        /** A true first operand is the value, as it is; a later true one makes it 1. */
        @Override
        public long evalInt(EvalContext c) {
            long first = operands[0].evalBool(c);
            if (first != UNDEFINED && first != 0) return first;
            for (int i = 1; i < operands.length; i++) {
                long v = operands[i].evalBool(c);
                if (v != UNDEFINED && v != 0) return 1;
            }
            return 0;
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
