package org.exhunt.logs.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads from byte arrays; callers check bounds first (see {@link Cursor}). */
final class Bytes {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {}

    static int u16(byte[] b, int off) {
        return (short) SHORT.get(b, off) & 0xffff;
    }

    static int i32(byte[] b, int off) {
        return (int) INT.get(b, off);
    }

    static long u32(byte[] b, int off) {
        return (int) INT.get(b, off) & 0xffffffffL;
    }

    static long i64(byte[] b, int off) {
        return (long) LONG.get(b, off);
    }

    /** Whether {@code len} bytes from {@code off} are all zero. */
    static boolean allZero(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }
}
