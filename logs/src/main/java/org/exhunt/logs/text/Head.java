package org.exhunt.logs.text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What readers look at to recognise a file: its first bytes as text and its path in a comparable form. */
public final class Head {

    private Head() {}

    /** The first bytes as text (one char per byte; enough for ASCII directives), without a UTF-8 BOM. */
    public static String text(byte[] head) {
        int from = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(head, from, head.length - from, StandardCharsets.ISO_8859_1);
    }

    /** The value of directive {@code #name:} among the leading lines, trimmed, or null. Case-insensitive. */
    public static String directive(String text, String name) {
        String prefix = "#" + name + ":";
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl;
            if (text.regionMatches(true, i, prefix, 0, prefix.length())) {
                return text.substring(i + prefix.length(), end).trim();
            }
            if (nl < 0) break;
            i = nl + 1;
        }
        return null;
    }

    /**
     * A path for comparing: '/'-separated, lower case, a leading '/' added, a trailing {@code .gz} dropped
     * (compressed logs are read like the plain ones).
     */
    public static String path(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        if (p.endsWith(".gz")) p = p.substring(0, p.length() - 3);
        return p.startsWith("/") ? p : "/" + p;
    }
}
