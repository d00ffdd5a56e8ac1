package org.exhunt.logs.text;

import org.exhunt.logs.LogLimits;

/**
 * Splits one CSV record (RFC 4180: comma-separated, values with commas, quotes or line breaks enclosed in
 * double quotes, a quote inside doubled) into value bounds, without decoding or copying.
 *
 * <p>Bounds are written relative to {@code from}: {@code bounds[2i]} is the start of value i and
 * {@code bounds[2i + 1]} its end, inside the enclosing quotes. A start stored as {@code ~start} (negative)
 * marks a value whose doubled quotes must be undone ({@link Values#decode}).
 */
public final class CsvSplitter {

    /** A quoted value is still open at the end: the record goes on on the next line. */
    public static final int OPEN_QUOTE = -1;
    /** More than {@link LogLimits#MAX_FIELDS} values. */
    public static final int TOO_MANY = -2;

    private static final long COMMAS = Swar.repeat(',');

    private CsvSplitter() {}

    /**
     * @param lenient when true, a quote still open at the end closes there (used once a record is known not
     *                to continue); when false such a record gives {@link #OPEN_QUOTE}
     * @return the number of values, or {@link #OPEN_QUOTE} or {@link #TOO_MANY}
     */
    public static int split(byte[] b, int from, int to, int[] bounds, boolean lenient) {
        int n = 0;
        int i = from;
        while (true) {
            if (n == LogLimits.MAX_FIELDS) return TOO_MANY;
            if (i < to && b[i] == '"') {
                int vs = i + 1;
                int j = vs;
                boolean doubled = false;
                boolean closed = false;
                while (j < to) {
                    if (b[j] == '"') {
                        if (j + 1 < to && b[j + 1] == '"') {
                            doubled = true;
                            j += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    j++;
                }
                if (!closed && !lenient) return OPEN_QUOTE;
                int after = closed ? j + 1 : to;
                if (after < to && b[after] != ',') {
                    // text after the closing quote: not RFC 4180; keep the value exactly as written
                    int k = after;
                    while (k < to && b[k] != ',') k++;
                    bounds[2 * n] = i - from;
                    bounds[2 * n + 1] = k - from;
                    n++;
                    if (k >= to) return n;
                    i = k + 1;
                    continue;
                }
                bounds[2 * n] = doubled ? ~(vs - from) : vs - from;
                bounds[2 * n + 1] = (closed ? j : to) - from;
                n++;
                if (after >= to) return n;
                i = after + 1;
            } else {
                int j = Swar.indexOf(b, i, to, COMMAS);
                bounds[2 * n] = i - from;
                bounds[2 * n + 1] = j - from;
                n++;
                if (j >= to) return n;
                i = j + 1;
            }
        }
    }
}
