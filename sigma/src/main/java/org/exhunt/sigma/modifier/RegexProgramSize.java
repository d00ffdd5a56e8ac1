package org.exhunt.sigma.modifier;

import java.util.ArrayDeque;

/**
 * How many instructions a regular expression compiles to once RE2J expands its counted repetitions, estimated
 * from its text without compiling it: compiling is what takes the memory ({@code ((a{100}){100}){100}} is a
 * million instructions). An estimate from above, in one pass and without recursion: every literal character,
 * class, anchor or escape is one instruction, a group two more, an alternative or a {@code *+?} one more,
 * {@code x{n,m}} is {@code x} and a branch m+1 times, and the whole match four more. The syntax is not checked
 * (RE2J does that after); a malformed expression gets some estimate.
 */
final class RegexProgramSize {

    private RegexProgramSize() {}

    /** The estimated size, or {@code cap + 1} for anything larger (so that nothing overflows). */
    static long estimate(String re, long cap) {
        ArrayDeque<Sequence> open = new ArrayDeque<>();
        Sequence s = new Sequence(cap);
        int i = 0;
        int n = re.length();
        while (i < n) {
            char c = re.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 < n && re.charAt(i + 1) == 'Q') {   // \Q...\E: every character is a literal
                        int end = re.indexOf("\\E", i + 2);
                        int stop = end < 0 ? n : end;
                        for (int k = i + 2; k < stop; k++) s.atom(1);
                        i = end < 0 ? n : end + 2;
                        continue;
                    }
                    i = skipEscape(re, i);
                    s.atom(1);
                    continue;
                }
                case '[' -> {
                    i = skipClass(re, i);
                    s.atom(1);
                    continue;
                }
                case '(' -> {
                    open.push(s);
                    s = new Sequence(cap);
                }
                case ')' -> {
                    if (!open.isEmpty()) {
                        long group = s.size() + 2;
                        s = open.pop();
                        s.atom(group);
                    }
                }
                case '|' -> s.alternative();
                case '*', '+', '?' -> s.add(1);
                case '{' -> {
                    int close = repeatEnd(re, i);
                    if (close < 0) {
                        s.atom(1);   // not a repetition: a literal brace
                    } else {
                        s.repeat(largestCount(re.substring(i + 1, close)) + 1);   // n copies and m-n optional ones
                        i = close + 1;
                        continue;
                    }
                }
                default -> s.atom(1);
            }
            i++;
        }
        while (!open.isEmpty()) {   // unclosed groups: RE2J refuses them, the estimate still ends
            long group = s.size() + 2;
            s = open.pop();
            s.atom(group);
        }
        return Math.min(cap + 1, s.size() + 4);   // the match, a failure and the whole match's capture
    }

    /** The index after the escape at {@code i}: {@code \x{...}}, {@code \p{...}} and {@code \pL} included. */
    private static int skipEscape(String re, int i) {
        int n = re.length();
        if (i + 1 >= n) return n;
        char e = re.charAt(i + 1);
        if ((e == 'x' || e == 'p' || e == 'P') && i + 2 < n && re.charAt(i + 2) == '{') {
            int close = re.indexOf('}', i + 3);
            return close < 0 ? n : close + 1;
        }
        if ((e == 'p' || e == 'P') && i + 2 < n) return i + 3;
        if (e == 'x') return Math.min(n, i + 4);
        return i + 2;
    }

    /** The index after the character class opening at {@code i} (named classes like {@code [:alpha:]} inside). */
    private static int skipClass(String re, int i) {
        int n = re.length();
        i++;
        if (i < n && re.charAt(i) == '^') i++;
        if (i < n && re.charAt(i) == ']') i++;
        while (i < n) {
            char c = re.charAt(i);
            if (c == '\\') {
                i = skipEscape(re, i);
            } else if (c == '[' && i + 1 < n && re.charAt(i + 1) == ':') {
                int close = re.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index of the {@code }} closing a repetition {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}, or -1. */
    private static int repeatEnd(String re, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < re.length() && Character.isDigit(re.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0 || j >= re.length()) return -1;
        if (re.charAt(j) == ',') {
            j++;
            while (j < re.length() && Character.isDigit(re.charAt(j))) j++;
        }
        return j < re.length() && re.charAt(j) == '}' ? j : -1;
    }

    /** The largest number in {@code n}, {@code n,} or {@code n,m}; counts past a million are a million. */
    private static long largestCount(String counts) {
        long largest = 0;
        for (String part : counts.split(",")) {
            if (part.isEmpty()) continue;
            largest = Math.max(largest, part.length() > 7 ? 1_000_000 : Long.parseLong(part));
        }
        return largest;
    }

    /** One level of grouping: the alternatives so far, the sequence being read and its last item. */
    private static final class Sequence {
        private final long cap;
        private long alternatives;
        private long sequence;
        private long last;

        Sequence(long cap) {
            this.cap = cap;
        }

        void atom(long size) {
            last = size;
            add(size);
        }

        void add(long size) {
            sequence = Math.min(cap + 1, sequence + size);
        }

        /** The last item repeated: each copy with a branch. */
        void repeat(long times) {
            long each = last + 1;
            long repeated = each > (cap + 1) / times ? cap + 1 : each * times;
            sequence = Math.min(cap + 1, sequence - last + repeated);
            last = repeated;
        }

        void alternative() {
            alternatives = Math.min(cap + 1, alternatives + sequence + 1);
            sequence = 0;
            last = 0;
        }

        long size() {
            return Math.min(cap + 1, alternatives + sequence);
        }
    }
}
