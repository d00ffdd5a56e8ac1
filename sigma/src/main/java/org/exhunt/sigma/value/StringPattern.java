package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SigmaString} compiled for matching whole field values, case-insensitively (against folded text) or
 * case-sensitively. Wildcard patterns match in O(text × pattern) at worst, never worse: the literal segments
 * between {@code *}s are found leftmost-first, which is exact for globs and needs no backtracking.
 */
public abstract sealed class StringPattern {

    private final boolean cased;

    private StringPattern(boolean cased) {
        this.cased = cased;
    }

    /** Compiles a value; with {@code cased} false the pattern is folded and must be given folded text. */
    public static StringPattern compile(SigmaString value, boolean cased) {
        List<SigmaString.Part> parts = value.parts();
        List<String> segments = new ArrayList<>();
        StringBuilder seg = new StringBuilder();
        boolean hasOne = false;
        for (SigmaString.Part p : parts) {
            if (p == SigmaString.AnyChars.ANY) {
                segments.add(seg.toString());
                seg.setLength(0);
            } else if (p == SigmaString.OneChar.ONE) {
                seg.append(ONE);
                hasOne = true;
            } else {
                String t = ((SigmaString.Literal) p).text();
                seg.append(cased ? t : Fold.fold(t));
            }
        }
        segments.add(seg.toString());
        if (!hasOne && segments.size() == 1) return new Plain(Plain.Kind.EXACT, segments.get(0), cased);
        if (!hasOne && segments.size() == 2 && segments.get(1).isEmpty()) return new Plain(Plain.Kind.PREFIX, segments.get(0), cased);
        if (!hasOne && segments.size() == 2 && segments.get(0).isEmpty()) return new Plain(Plain.Kind.SUFFIX, segments.get(1), cased);
        if (!hasOne && segments.size() == 3 && segments.get(0).isEmpty() && segments.get(2).isEmpty()) {
            return new Plain(Plain.Kind.CONTAINS, segments.get(1), cased);
        }
        return new Glob(segments, cased);
    }

    /** Stands for {@code ?} inside a segment: a noncharacter that folded text is not expected to hold. */
    static final char ONE = '\uFFFF';

    /** Whether the pattern wants the original text ({@code cased}) rather than the folded one. */
    public final boolean cased() {
        return cased;
    }

    /** Matches {@code original} or {@code folded}, whichever the pattern was compiled for. */
    public final boolean matches(String original, String folded) {
        return test(cased ? original : folded);
    }

    abstract boolean test(String text);

    /** One literal, equal to the text or at its start, end or anywhere: the common cases, on String's own search. */
    static final class Plain extends StringPattern {
        enum Kind { EXACT, PREFIX, SUFFIX, CONTAINS }

        private final Kind kind;
        private final String s;

        Plain(Kind kind, String s, boolean cased) {
            super(cased);
            this.kind = kind;
            this.s = s;
        }

        @Override
        boolean test(String t) {
            return switch (kind) {
                case EXACT -> t.equals(s);
                case PREFIX -> t.startsWith(s);
                case SUFFIX -> t.endsWith(s);
                case CONTAINS -> t.contains(s);
            };
        }
    }

    /** Segments between {@code *}s; the first is anchored at the start, the last at the end. */
    static final class Glob extends StringPattern {
        private final String[] segs;

        Glob(List<String> segments, boolean cased) {
            super(cased);
            this.segs = segments.toArray(String[]::new);
        }

        @Override
        boolean test(String t) {
            int n = t.length();
            if (segs.length == 1) return segs[0].length() == n && matchesAt(t, 0, segs[0]);
            String first = segs[0];
            String last = segs[segs.length - 1];
            if (first.length() + last.length() > n) return false;
            if (!matchesAt(t, 0, first) || !matchesAt(t, n - last.length(), last)) return false;
            int pos = first.length();
            int end = n - last.length();
            for (int i = 1; i < segs.length - 1; i++) {
                int at = find(t, segs[i], pos, end);
                if (at < 0) return false;
                pos = at + segs[i].length();
            }
            return true;
        }

        private static boolean matchesAt(String t, int at, String seg) {
            for (int i = 0; i < seg.length(); i++) {
                char c = seg.charAt(i);
                if (c != ONE && c != t.charAt(at + i)) return false;
            }
            return true;
        }

        /** Leftmost start of {@code seg} within {@code t[from, end)}, or -1. */
        private static int find(String t, String seg, int from, int end) {
            if (seg.indexOf(ONE) < 0) {
                int at = t.indexOf(seg, from);
                return at >= 0 && at + seg.length() <= end ? at : -1;
            }
            for (int at = from; at + seg.length() <= end; at++) {
                if (matchesAt(t, at, seg)) return at;
            }
            return -1;
        }
    }
}
