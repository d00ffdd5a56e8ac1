package org.exhunt.hunt.detect;

/**
 * Server-side code as a compiler reads its tokens, for a search of calls by their text: Unicode escapes decoded
 * ({@code \u0050rocess} is {@code Process}), white space (line breaks and VB's line continuation {@code _} included)
 * cut to one space and to none beside {@code .} and {@code (}, ASCII letters in lower case; with
 * {@code stripComments}, {@code /* ... *}{@code /} comments taken out as white space. So that
 * {@code Process /* x *}{@code / \r\n . Start (} reads {@code process.start(}. One pass, linear in the code; the
 * same pass again maps places in the folded text back to the code ({@link #sourceOffsets}).
 */
final class CodeText {

    private final String text;
    private final int start;
    private final int end;
    private final boolean stripComments;
    /** The folded code. */
    final String folded;

    CodeText(String text, int start, int end, boolean stripComments) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.stripComments = stripComments;
        StringBuilder out = new StringBuilder(Math.min(end - start, 1 << 20));
        walk(out, null, null);
        this.folded = out.toString();
    }

    /** The offsets in the text of places in the folded code, given in ascending order. */
    int[] sourceOffsets(int[] places) {
        int[] sources = new int[places.length];
        walk(null, places, sources);
        return sources;
    }

    /**
     * Folds the code into {@code out}, or, with {@code places}, only notes the text offset each of those folded places
     * comes from (the same walk, so that both agree).
     */
    private void walk(StringBuilder out, int[] places, int[] sources) {
        int emitted = 0;
        char last = 0;
        int next = 0; // the next place to map
        int i = start;
        while (i < end && (places == null || next < places.length)) {
            int gap = gapEnd(i);
            if (gap > i) {
                char following = gap < end ? text.charAt(gap) : 0;
                if (emitted > 0 && last != '.' && last != '(' && following != '.' && following != '(' && gap < end) {
                    while (places != null && next < places.length && places[next] == emitted) sources[next++] = i;
                    if (out != null) out.append(' ');
                    emitted++;
                    last = ' ';
                }
                i = gap;
                continue;
            }
            char c = text.charAt(i);
            int width = 1;
            if (c == '\\' && i + 1 < end && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U') && hex4(i + 2)) {
                c = (char) Integer.parseInt(text.substring(i + 2, i + 6), 16);
                width = 6;
            }
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            while (places != null && next < places.length && places[next] == emitted) sources[next++] = i;
            if (out != null) out.append(c);
            emitted++;
            last = c;
            i += width;
        }
    }

    /** Where a stretch of white space (and, when stripping, comments) starting at {@code i} ends; {@code i} for none. */
    private int gapEnd(int i) {
        int j = i;
        while (j < end) {
            char c = text.charAt(j);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0b) {
                j++;
            } else if (c == '_' && j > i && continuation(j + 1)) {
                j++;   // VB's line continuation: " _" at the end of a line
            } else if (stripComments && c == '/' && j + 1 < end && text.charAt(j + 1) == '*') {
                j = commentEnd(j + 2);
            } else {
                break;
            }
        }
        return j;
    }

    /**
     * Where a comment whose text starts at {@code j} ends: after its {@code *}{@code /}, or at the region's end. Looks no
     * further than the region, so that many unclosed comments in many regions cost no more than their own text.
     */
    private int commentEnd(int j) {
        for (int k = j; k + 1 < end; k++) {
            if (text.charAt(k) == '*' && text.charAt(k + 1) == '/') return k + 2;
        }
        return end;
    }

    /** Whether only spaces and then a line break follow. */
    private boolean continuation(int j) {
        while (j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
        return j < end && (text.charAt(j) == '\r' || text.charAt(j) == '\n');
    }

    private boolean hex4(int at) {
        if (at + 4 > end) return false;
        for (int k = at; k < at + 4; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) return false;
        }
        return true;
    }
}
