package org.exhunt.logs.text;

import org.exhunt.logs.LogLimits;

/**
 * Splits a W3C extended log line at single spaces into value bounds (relative to {@code from}); a value
 * written as {@code -} gets empty bounds, i.e. it is absent.
 */
public final class SpaceSplitter {

    private static final long SPACES = Swar.repeat(' ');

    private SpaceSplitter() {}

    /** @return the number of values, or {@link CsvSplitter#TOO_MANY} */
    public static int split(byte[] b, int from, int to, int[] bounds) {
        int n = 0;
        int i = from;
        while (true) {
            if (n == LogLimits.MAX_FIELDS) return CsvSplitter.TOO_MANY;
            int j = Swar.indexOf(b, i, to, SPACES);
            bounds[2 * n] = i - from;
            bounds[2 * n + 1] = (j - i == 1 && b[i] == '-') ? i - from : j - from;
            n++;
            if (j >= to) return n;
            i = j + 1;
        }
    }
}
