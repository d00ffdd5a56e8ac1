package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

import org.exhunt.yara.data.ScanData;

/** {@code filesize}, {@code entrypoint} and the integer reads {@code int8}..{@code uint32be}. */
public final class DataReads {

    private DataReads() {}

    public static final class Filesize extends Node {
        public Filesize() {
            super(ExprType.INTEGER);
        }

        @Override
        public long evalInt(EvalContext c) {
            return c.dataSize;
        }
    }

    public static final class Entrypoint extends Node {
        public Entrypoint() {
            super(ExprType.INTEGER);
        }

        @Override
        public long evalInt(EvalContext c) {
            return c.entryPoint;
        }
    }

    /** A little- or big-endian, signed or unsigned read of 1, 2 or 4 bytes; undefined past the end. */
    public static final class IntRead extends Node {
        private final int size;
        private final boolean signed;
        private final boolean bigEndian;
        private final Node offset;

        public IntRead(int size, boolean signed, boolean bigEndian, Node offset) {
            super(ExprType.INTEGER, offset);
            this.size = size;
            this.signed = signed;
            this.bigEndian = bigEndian;
            this.offset = offset;
        }

        /** {@code uint16be} and friends, by name. */
        public static IntRead named(String function, Node offset) {
            boolean signed = !function.startsWith("u");
            boolean be = function.endsWith("be");
            int size = function.contains("8") ? 1 : function.contains("16") ? 2 : 4;
            return new IntRead(size, signed, be, offset);
        }

        @Override
        public long evalInt(EvalContext c) {
            long at = offset.evalInt(c);
            if (at == UNDEFINED || at < 0 || at > c.dataSize - size) return UNDEFINED;
            int i = (int) at;
            ScanData d = c.data;
            long v = 0;
            for (int k = 0; k < size; k++) {
                int b = d.get(i + (bigEndian ? k : size - 1 - k)) & 0xFF;
                v = (v << 8) | b;
            }
            if (signed) {
                int shift = 64 - 8 * size;
                v = (v << shift) >> shift;
            }
            return v;
        }
    }
}
