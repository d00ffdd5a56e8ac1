package org.exhunt.report;

import org.exhunt.core.Limits;

/**
 * Makes attacker-controlled text safe to look at: control characters and the Unicode controls that
 * reorder or hide text (bidirectional overrides, zero-width characters) are shown as escapes, so that a
 * file named {@code evil\u202Excod.aspx} cannot pass for {@code evildoc.aspx} in a report a person reads.
 * This is about what a reader sees; each format still applies its own escaping (HTML, CSV, JSON) on top.
 */
final class Printable {

    private Printable() {}

    /** The value with invisible or reordering characters escaped, cut to {@link Limits#EVIDENCE_CHARS}. */
    static String shorten(String value) {
        int limit = Math.min(value.length(), Limits.EVIDENCE_CHARS);
        StringBuilder s = visible(value, limit);
        if (value.length() > limit) s.append("… (").append(value.length()).append(" chars)");
        return s.toString();
    }

    /** The whole value with invisible or reordering characters escaped. */
    static String visible(String value) {
        return visible(value, value.length()).toString();
    }

    private static StringBuilder visible(String value, int limit) {
        StringBuilder s = new StringBuilder(limit + 16);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) s.append(String.format("\\x%02x", (int) c));
            else if (isHiddenFormatting(c)) s.append(String.format("\\u%04x", (int) c));
            else s.append(c);
        }
        return s;
    }

    /** Zero-width characters, bidirectional marks, embeddings, overrides and isolates. */
    private static boolean isHiddenFormatting(char c) {
        return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x061c || c == 0xfeff;
    }
}
