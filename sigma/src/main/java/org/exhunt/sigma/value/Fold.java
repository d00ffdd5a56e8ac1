package org.exhunt.sigma.value;

/**
 * Sigma's case-insensitivity: one char-for-char folding used by the matchers and the literal prefilter alike,
 * so that a prefilter miss can never hide a match. Folding keeps the length of the text.
 */
public final class Fold {

    private Fold() {}

    private static final char[] LATIN1 = new char[256];

    static {
        for (char c = 0; c < 256; c++) LATIN1[c] = Character.toLowerCase(Character.toUpperCase(c));
    }

    public static char fold(char c) {
        return c < 256 ? LATIN1[c] : Character.toLowerCase(Character.toUpperCase(c));
    }

    public static String fold(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && fold(s.charAt(i)) == s.charAt(i)) i++;
        if (i == n) return s;
        char[] out = s.toCharArray();
        for (; i < n; i++) out[i] = fold(out[i]);
        return new String(out);
    }
}
