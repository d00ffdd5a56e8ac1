package org.exhunt.yara.condition;

/** Constants. */
public final class Literals {

    private Literals() {}

    /** An integer or boolean constant. */
    public static final class IntConst extends Node {
        private final long value;

        public IntConst(ExprType type, long value) {
            super(type);
            this.value = value;
        }

        /** The value, when {@code node} is an integer constant; null otherwise. */
        static Long valueOf(Node node) {
            return node instanceof IntConst i ? i.value : null;
        }

        @Override
        public long evalInt(EvalContext c) {
            return value;
        }
    }

    public static final class FloatConst extends Node {
        private final double value;

        public FloatConst(double value) {
            super(ExprType.FLOAT);
            this.value = value;
        }

        @Override
        public double evalFloat(EvalContext c) {
            return value;
        }
    }

    public static final class StringConst extends Node {
        private final byte[] value;

        public StringConst(byte[] value) {
            super(ExprType.STRING);
            this.value = value;
        }

        @Override
        public byte[] evalString(EvalContext c) {
            return value;
        }
    }
}
