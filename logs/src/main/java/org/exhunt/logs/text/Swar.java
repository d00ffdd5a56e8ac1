package org.exhunt.logs.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time ("SIMD within a register"): the scanners test a whole {@code long} for the bytes they
 * look for and only step through single bytes in a word that may hold one. {@code zeroByte} is the classic
 * exact test for "some byte of x is 0" (its lowest flagged byte is exact; higher flags may be false).
 */
final class Swar {

    private Swar() {}

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;

    /** {@code b} repeated in all eight bytes. */
    static long repeat(char b) {
        return ONES * (b & 0xFF);
    }

    /** Non-zero when some byte of x is 0. */
    static long zeroByte(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** The index of the first byte equal to the byte repeated in {@code pattern} in {@code b[from, to)}, or {@code to}. */
    static int indexOf(byte[] b, int from, int to, long pattern) {
        int j = from;
        for (; j + 8 <= to; j += 8) {
            long m = zeroByte(word(b, j) ^ pattern);
            if (m != 0) return j + (Long.numberOfTrailingZeros(m) >>> 3);
        }
        byte c = (byte) pattern;
        while (j < to && b[j] != c) j++;
        return j;
    }
}
