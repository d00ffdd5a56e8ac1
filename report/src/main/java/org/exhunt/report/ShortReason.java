package org.exhunt.report;

/**
 * A verdict's reason cut to fit one line of a verdict table (issue 26): a reason holds up to
 * {@link org.exhunt.core.Verdict#REASON_LENGTH} characters (a probe's, which is not cut, may hold more), more than the
 * console's column may leave; the whole explanation ({@link org.exhunt.core.Verdict#detail}) stays in the per-row
 * detail. The table keeps what the reason says first, without its parenthesised particulars (KB numbers, builds,
 * rule CVEs), and ends with an ellipsis when it still had to be cut.
 */
public final class ShortReason {

    /** What a verdict table's reason cell holds at most, in characters. */
    public static final int MAX = 160;

    private ShortReason() {}

    /** The reason whole when it fits {@code max}; else without its parenthesised parts, cut at a word if need be. */
    public static String of(String reason, int max) {
        String visible = Printable.visible(reason);
        if (visible.length() <= max) return visible;
        return atWord(withoutParentheses(visible), max);
    }

    /** The text whole when it fits {@code max}, else cut at a word to at most {@code max} with an ellipsis. */
    static String atWord(String text, int max) {
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 2);
        if (cut < max / 2) cut = max - 2; // one long token (a path, a command line): cut inside it
        return text.substring(0, cut).replaceAll("[\\s;,:]+$", "") + " …";
    }

    /** Is {@code reason} shown whole by {@link #of}? */
    public static boolean isWhole(String reason, int max) {
        return Printable.visible(reason).length() <= max;
    }

    /**
     * The text without each balanced " (…)" group (nesting included); an unbalanced parenthesis, which evidence
     * quoted in a reason may hold, stays as it is.
     */
    static String withoutParentheses(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '(' ? matching(text, i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
            i = close + 1;
        }
        return out.toString();
    }

    /** A group longer than this is not a particular but text: left alone (also bounds the work on hostile text). */
    private static final int LONGEST_GROUP = 300;

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < Math.min(text.length(), open + LONGEST_GROUP); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }
}
