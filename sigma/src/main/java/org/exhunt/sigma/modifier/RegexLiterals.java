package org.exhunt.sigma.modifier;

/**
 * The longest run of plain characters that every match of a regular expression must contain, for the literal
 * prefilter. Deliberately conservative: only runs at the top level (outside groups and character classes), not
 * under a quantifier, and nothing at all when the expression has a top-level alternation or uses {@code \Q} or
 * extended mode. An empty answer means "no literal is required".
 */
final class RegexLiterals {

    private RegexLiterals() {}

    static String required(String re) {
        if (re.contains("\\Q") || hasExtendedFlag(re)) return "";
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            switch (c) {
                case '|' -> {
                    return "";
                }
                case '(' -> {
                    best = longer(best, run);
                    i = skipGroup(re, i);
                    if (i < 0) return "";
                    continue;
                }
                case '[' -> {
                    best = longer(best, run);
                    i = skipClass(re, i);
                    if (i < 0) return "";
                    continue;
                }
                case '*', '+', '?', '{' -> {
                    // the character before is repeated or optional: the run ends before it
                    if (run.length() > 0) run.setLength(run.length() - 1);
                    best = longer(best, run);
                    if (c == '{') {
                        int close = re.indexOf('}', i);
                        if (close < 0) return "";
                        i = close;
                    }
                }
                case '.', '^', '$' -> best = longer(best, run);
                case '\\' -> {
                    if (i + 1 >= re.length()) return "";
                    char e = re.charAt(++i);
                    if (Character.isLetterOrDigit(e)) best = longer(best, run);   // \d, \w, \b, \x41, ...
                    else run.append(e);
                }
                default -> run.append(c);
            }
            i++;
        }
        return longer(best, run);
    }

    private static boolean hasExtendedFlag(String re) {
        int at = re.indexOf("(?");
        while (at >= 0) {
            int end = at + 2;
            while (end < re.length() && Character.isLetter(re.charAt(end))) end++;
            if (re.substring(at + 2, end).indexOf('x') >= 0) return true;
            at = re.indexOf("(?", at + 1);
        }
        return false;
    }

    /** Sets the best run found so far and starts a new run. */
    private static String longer(String best, StringBuilder run) {
        String r = run.toString();
        run.setLength(0);
        return r.length() > best.length() ? r : best;
    }

    /** The index after the group opening at {@code i}, or -1 when it does not close. */
    private static int skipGroup(String re, int i) {
        int depth = 0;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(re, i) - 1;
                if (i < 0) return -1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the character class opening at {@code i}, or -1 when it does not close. */
    private static int skipClass(String re, int i) {
        i++;
        if (i < re.length() && re.charAt(i) == '^') i++;
        if (i < re.length() && re.charAt(i) == ']') i++;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') i++;
            else if (c == ']') return i + 1;
        }
        return -1;
    }
}
