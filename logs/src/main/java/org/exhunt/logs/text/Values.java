package org.exhunt.logs.text;

import java.nio.charset.StandardCharsets;

/** Turns value bounds (as written by the splitters) into strings, only when a value is asked for. */
public final class Values {

    private Values() {}

    /** Whether the value at bounds index i is absent (empty). */
    public static boolean absent(int[] bounds, int i) {
        int s = bounds[2 * i];
        return (s < 0 ? ~s : s) == bounds[2 * i + 1];
    }

    /** The value at bounds index i, decoded as UTF-8 (malformed bytes become U+FFFD), doubled quotes undone. */
    public static String decode(byte[] line, int[] bounds, int i) {
        return decode(line, bounds, i, false);
    }

    /**
     * The same, for a line known to hold only ASCII when {@code ascii} is true: then the bytes are the
     * characters, and the string is a plain copy.
     */
    public static String decode(byte[] line, int[] bounds, int i, boolean ascii) {
        int s = bounds[2 * i];
        int e = bounds[2 * i + 1];
        boolean doubled = s < 0;
        if (doubled) s = ~s;
        String v = new String(line, s, e - s, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return doubled ? v.replace("\"\"", "\"") : v;
    }
}
