package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

/**
 * Arithmetic and bitwise operators with libyara's runtime rules: undefined in, undefined out; integer
 * division or remainder by zero (or of the smallest integer by -1) is undefined; a negative shift count is
 * undefined and a count of 64 or more gives 0; integers wrap around.
 */
public final class Arithmetic {

    private Arithmetic() {}

    public enum IntOp { ADD, SUB, MUL, DIV, MOD, SHL, SHR, AND, OR, XOR }

    public enum FloatOp { ADD, SUB, MUL, DIV }

    public static final class IntBinary extends Binary {
        private final IntOp op;

        public IntBinary(IntOp op, Node left, Node right) {
            super(ExprType.INTEGER, left, right);
            this.op = op;
        }

        @Override
        public long evalInt(EvalContext c) {
            long a = left.evalInt(c);
            long b = right.evalInt(c);
            if (a == UNDEFINED || b == UNDEFINED) return UNDEFINED;
            return switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> b == 0 || (a == Long.MIN_VALUE && b == -1) ? UNDEFINED : a / b;
                case MOD -> b == 0 || (a == Long.MIN_VALUE && b == -1) ? UNDEFINED : a % b;
                case SHL -> b < 0 ? UNDEFINED : b < 64 ? a << b : 0;
                case SHR -> b < 0 ? UNDEFINED : b < 64 ? a >> b : 0;
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
            };
        }
    }

    public static final class FloatBinary extends Binary {
        private final FloatOp op;

        public FloatBinary(FloatOp op, Node left, Node right) {
            super(ExprType.FLOAT, left, right);
            this.op = op;
        }

        @Override
        public double evalFloat(EvalContext c) {
            double a = left.evalFloat(c);
            double b = right.evalFloat(c);
            if (Values.isUndefined(a) || Values.isUndefined(b)) return Values.UNDEFINED_FLOAT;
            return switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
            };
        }
    }

    /** An integer operand converted for a float operation ({@code OP_INT_TO_DBL}). */
    public static final class IntToFloat extends Unary {
        public IntToFloat(Node operand) {
            super(ExprType.FLOAT, operand);
        }

        @Override
        public double evalFloat(EvalContext c) {
            long v = operand.evalInt(c);
            return v == UNDEFINED ? Values.UNDEFINED_FLOAT : (double) v;
        }
    }

    public static final class IntNegate extends Unary {
        private final boolean bitwise;

        public IntNegate(Node operand, boolean bitwise) {
            super(ExprType.INTEGER, operand);
            this.bitwise = bitwise;
        }

        @Override
        public long evalInt(EvalContext c) {
            long v = operand.evalInt(c);
            if (v == UNDEFINED) return UNDEFINED;
            return bitwise ? ~v : -v;
        }
    }

    public static final class FloatNegate extends Unary {
        public FloatNegate(Node operand) {
            super(ExprType.FLOAT, operand);
        }

        @Override
        public double evalFloat(EvalContext c) {
            double v = operand.evalFloat(c);
            return Values.isUndefined(v) ? v : -v;
        }
    }
}
