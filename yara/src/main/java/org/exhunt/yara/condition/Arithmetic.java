package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

/**
 * Arithmetic and bitwise operators with libyara's runtime rules: undefined in, undefined out; integer
 * division or remainder by zero (or of the smallest integer by -1) is undefined; a negative shift count is
 * undefined and a count of 64 or more gives 0; integers wrap around.
 */
public final class Arithmetic {

    private Arithmetic() {}

    public enum IntOp {
        ADD, SUB, MUL, DIV, MOD, SHL, SHR, AND, OR, XOR;

        long apply(long a, long b) {
            if (a == UNDEFINED || b == UNDEFINED) return UNDEFINED;
            return switch (this) {
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

    public enum FloatOp {
        ADD, SUB, MUL, DIV;

        double apply(double a, double b) {
            if (Values.isUndefined(a) || Values.isUndefined(b)) return Values.UNDEFINED_FLOAT;
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
            };
        }
    }

    public static final class IntBinary extends Binary {
        private final IntOp op;

        public IntBinary(IntOp op, Node left, Node right) {
            super(ExprType.INTEGER, left, right);
            this.op = op;
        }

        @Override
        public long evalInt(EvalContext c) {
            long a = left.evalInt(c);
            return op.apply(a, right.evalInt(c));
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
            return op.apply(a, right.evalFloat(c));
        }
    }

    /**
     * {@code a + b * c - d ...} as one node per run of integer or float operators along the left side: what the
     * operators make of a left-associative chain (a tree as deep as the chain is long) evaluated in a loop, so
     * that a chain of thousands of terms, which libyara parses, does not recurse thousands deep. Operands are
     * evaluated left to right, as the tree would.
     */
    public static Node chained(Node top) {
        java.util.List<Node> spine = new java.util.ArrayList<>();
        Node n = top;
        while (true) {
            if (n instanceof IntBinary || n instanceof FloatBinary) {
                spine.add(n);
                n = ((Binary) n).left;
            } else if (n instanceof IntToFloat f && f.operand instanceof IntBinary) {
                spine.add(n);
                n = f.operand;
            } else {
                break;
            }
        }
        if (spine.size() < 2) return top;
        Node acc = n;
        java.util.List<Object> ops = new java.util.ArrayList<>();
        java.util.List<Node> operands = new java.util.ArrayList<>();
        for (int i = spine.size() - 1; i >= 0; i--) {
            Node step = spine.get(i);
            if (step instanceof IntBinary b) {
                ops.add(b.op);
                operands.add(b.right);
            } else if (step instanceof FloatBinary b) {
                ops.add(b.op);
                operands.add(b.right);
            } else {
                acc = new IntToFloat(IntChain.of(acc, ops, operands));
                ops.clear();
                operands.clear();
            }
        }
        return acc.type == ExprType.FLOAT ? FloatChain.of(acc, ops, operands) : IntChain.of(acc, ops, operands);
    }

    /** Integer operators applied left to right: {@code ((first op0 operand0) op1 operand1) ...}. */
    static final class IntChain extends Node {
        private final Node first;
        private final IntOp[] ops;
        private final Node[] operands;

        private IntChain(Node first, IntOp[] ops, Node[] operands) {
            super(ExprType.INTEGER, with(operands, first));
            this.first = first;
            this.ops = ops;
            this.operands = operands;
        }

        /** {@code first} alone when there are no operators. */
        static Node of(Node first, java.util.List<Object> ops, java.util.List<Node> operands) {
            if (ops.isEmpty()) return first;
            return new IntChain(first, ops.toArray(new IntOp[0]), operands.toArray(new Node[0]));
        }

        @Override
        public long evalInt(EvalContext c) {
            long v = first.evalInt(c);
            for (int i = 0; i < ops.length; i++) v = ops[i].apply(v, operands[i].evalInt(c));
            return v;
        }
    }

    /** Float operators applied left to right (integer operands already converted). */
    static final class FloatChain extends Node {
        private final Node first;
        private final FloatOp[] ops;
        private final Node[] operands;

        private FloatChain(Node first, FloatOp[] ops, Node[] operands) {
            super(ExprType.FLOAT, with(operands, first));
            this.first = first;
            this.ops = ops;
            this.operands = operands;
        }

        static Node of(Node first, java.util.List<Object> ops, java.util.List<Node> operands) {
            if (ops.isEmpty()) return first;
            return new FloatChain(first, ops.toArray(new FloatOp[0]), operands.toArray(new Node[0]));
        }

        @Override
        public double evalFloat(EvalContext c) {
            double v = first.evalFloat(c);
            for (int i = 0; i < ops.length; i++) v = ops[i].apply(v, operands[i].evalFloat(c));
            return v;
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
