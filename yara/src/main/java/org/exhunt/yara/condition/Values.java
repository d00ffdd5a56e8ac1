package org.exhunt.yara.condition;

/** libyara's representation of undefined values, and helpers on it. */
public final class Values {

    private Values() {}

    /** libyara's {@code YR_UNDEFINED}: the value of an undefined integer or boolean. */
    public static final long UNDEFINED = 0xFFFABADAFABADAFFL;

    /** An undefined float: the same 64 bits, as libyara keeps all values in one 64-bit slot. */
    public static final double UNDEFINED_FLOAT = Double.longBitsToDouble(UNDEFINED);

    public static boolean isUndefined(long v) {
        return v == UNDEFINED;
    }

    public static boolean isUndefined(double v) {
        return Double.doubleToRawLongBits(v) == UNDEFINED;
    }

    /** {@code 1} or {@code 0}. */
    public static long of(boolean b) {
        return b ? 1 : 0;
    }

    /** Whether a condition value makes a rule match: defined and not zero. */
    public static boolean isTrue(long v) {
        return v != UNDEFINED && v != 0;
    }
}
