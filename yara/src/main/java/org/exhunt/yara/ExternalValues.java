package org.exhunt.yara;

import java.math.BigInteger;

/** External variable values written as text, typed as the {@code yara} command types {@code -d name=value}. */
public final class ExternalValues {

    private ExternalValues() {}

    /**
     * yara 4.2.3's typing: a float when it has one dot and otherwise digits (an optional leading minus, not
     * starting with the dot: {@code 1.} and {@code -2.5}, not {@code .5}); an integer when it is digits with an
     * optional minus, read as C's {@code atoi} reads it (so beyond 32 bits it wraps); {@code true} or
     * {@code false} as booleans; anything else, the empty text included, a string.
     */
    public static Object fromCommandLine(String value) {
        if (value.matches("-?[0-9]+\\.[0-9]*")) return Double.parseDouble(value);
        if (value.matches("-?[0-9]+")) return (long) atoi(value);
        if (value.equals("true") || value.equals("false")) return Boolean.valueOf(value);
        return value;
    }

    /** C's {@code atoi} on glibc: {@code strtol} (saturating at the 64-bit range) narrowed to an int. */
    private static int atoi(String digits) {
        BigInteger v = new BigInteger(digits);
        long saturated = v.bitLength() < 64 ? v.longValue() : v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return (int) saturated;
    }
}
