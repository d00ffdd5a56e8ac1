package org.exhunt.sigma.value;

/** Reads numbers from rule values and record fields alike: decimal, with a sign or a fraction, or {@code 0x} hex. */
public final class Numbers {

    private Numbers() {}

    /** The number a text holds, or {@code NaN} when it holds none. */
    public static double parse(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 40) return Double.NaN;
        try {
            if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            char c = t.charAt(0);
            if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) return Double.NaN;
            char last = t.charAt(t.length() - 1);
            if (!Character.isDigit(last) && last != '.') return Double.NaN;   // no "1f", "1d", "Infinity"
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
