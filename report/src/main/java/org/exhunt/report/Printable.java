package org.exhunt.report;

import org.exhunt.core.Limits;

/**
 * Makes attacker-controlled text safe to look at: control characters (C0, DEL and C1, whose U+009B is a terminal's
 * CSI), line and paragraph separators, and the Unicode controls that reorder or hide text (bidirectional overrides,
 * zero-width characters) are shown as escapes, so that an ESC sequence in a page title cannot drive the terminal
 * it is printed to, and a file named {@code evil\u202Excod.aspx} cannot pass for {@code evildoc.aspx} in a report
 * a person reads. The one place every human output (console, HTML, CSV, and the {@code sigma}, {@code dump},
 * {@code rules check} and {@code probe} printers) makes text from evidence, rules or the network printable; each
 * format still applies its own escaping (HTML, CSV, JSON) on top.
 */
public final class Printable {

    private Printable() {}

    /** The value with invisible or reordering characters escaped, cut to {@link Limits#EVIDENCE_CHARS}. */
    public static String shorten(String value) {
        int limit = Math.min(value.length(), Limits.EVIDENCE_CHARS);
        StringBuilder s = visible(value, limit);
        if (value.length() > limit) s.append("… (").append(value.length()).append(" chars)");
        return s.toString();
    }

    /**
     * Prose a rule's author wrapped (a Sigma description's folded lines): its line breaks and tabs are layout, so each
     * run of them becomes one space; anything else invisible is escaped as by {@link #visible(String)}. Never for
     * evidence or file names, where a line break is part of the attacker's text and must show.
     */
    public static String prose(String value) {
        if (value == null) return "";
        return visible(value.replaceAll("[ \\t]*[\\r\\n\\t]+[ \\t]*", " "));
    }

    /** The whole value with invisible or reordering characters escaped. */
    public static String visible(String value) {
        if (value == null) return "";
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

    /**
     * C1 controls, zero-width characters, bidirectional marks, embeddings, overrides and isolates, line and paragraph
     * separators.
     */
    private static boolean isHiddenFormatting(char c) {
        return (c >= 0x80 && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x061c || c == 0xfeff;
    }
}
