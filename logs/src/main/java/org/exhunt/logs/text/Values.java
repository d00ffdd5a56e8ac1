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
        int s = bounds[2 * i];
        int e = bounds[2 * i + 1];
        if (s >= 0) return new String(line, s, e - s, StandardCharsets.UTF_8);
        s = ~s;
        return new String(line, s, e - s, StandardCharsets.UTF_8).replace("\"\"", "\"");
    }
}
