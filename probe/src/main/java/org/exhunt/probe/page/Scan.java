package org.exhunt.probe.page;

/** Case-insensitive searches in ASCII text, linear and bounded. */
final class Scan {

    private Scan() {}

    /** The index of {@code needle} (lower case) in {@code lower} from {@code from}, or -1. */
    static int find(String lower, String needle, int from) {
        return from >= lower.length() ? -1 : lower.indexOf(needle, Math.max(0, from));
    }

    /** The text between {@code open} and {@code close} after {@code from}, at most {@code max} chars, or null. */
    static String between(String text, String lower, String open, String close, int from, int max) {
        int start = find(lower, open, from);
        if (start < 0) return null;
        start += open.length();
        int end = find(lower, close, start);
        if (end < 0 || end - start > max) return null;
        return text.substring(start, end);
    }

    /** Whitespace runs as one space, control characters dropped, trimmed and cut to {@code max}. */
    static String clean(String s, int max) {
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else if (c >= 0x20 && c != 0x7f) {
                if (space) b.append(' ');
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }
}
