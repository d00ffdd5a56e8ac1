package org.exhunt.yara.regex;

import java.util.Arrays;

/**
 * A character class such as {@code [a-z_]} or {@code [^"]}: the listed bytes, and whether the class is
 * negated. Negation is kept apart from the bitmap, as in libyara, because it is applied after the case
 * folding of {@code nocase}: {@code [^a]} with {@code nocase} rejects both {@code a} and {@code A}.
 */
public final class CharClass {

    private final long[] bits = new long[4];
    private boolean negated;

    public CharClass() {}

    private CharClass(long[] bits, boolean negated) {
        System.arraycopy(bits, 0, this.bits, 0, 4);
        this.negated = negated;
    }

    public CharClass copy() {
        return new CharClass(bits, negated);
    }

    public void add(int b) {
        bits[b >>> 6] |= 1L << (b & 63);
    }

    public void addRange(int from, int to) {
        for (int b = from; b <= to; b++) add(b);
    }

    public void remove(int b) {
        bits[b >>> 6] &= ~(1L << (b & 63));
    }

    public void setNegated(boolean negated) {
        this.negated = negated;
    }

    /** Whether byte {@code b} is in the bitmap, ignoring negation. */
    public boolean contains(int b) {
        return (bits[b >>> 6] & (1L << (b & 63))) != 0;
    }

    /** Whether byte {@code b} matches, as libyara's {@code _yr_re_is_char_in_class}. */
    public boolean matches(int b, boolean noCase) {
        boolean in = contains(b) || (noCase && contains(Chars.alterCase(b)));
        return in != negated;
    }

    /** {@code [41-5A,5F]} or {@code [^22]}: the bitmap's ranges in hex. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(negated ? "[^" : "[");
        boolean first = true;
        for (int b = 0; b < 256; b++) {
            if (!contains(b)) continue;
            int end = b;
            while (end + 1 < 256 && contains(end + 1)) end++;
            if (!first) s.append(',');
            first = false;
            s.append(String.format("%02X", b));
            if (end > b) s.append('-').append(String.format("%02X", end));
            b = end;
        }
        return s.append(']').toString();
    }

    void write(org.exhunt.yara.store.Out out) throws java.io.IOException {
        for (long b : bits) out.i64(b);
        out.bool(negated);
    }

    static CharClass read(org.exhunt.yara.store.In in) throws java.io.IOException {
        long[] bits = new long[4];
        for (int i = 0; i < 4; i++) bits[i] = in.i64();
        return new CharClass(bits, in.bool());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharClass c && c.negated == negated && Arrays.equals(c.bits, bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits) * 31 + (negated ? 1 : 0);
    }
}
