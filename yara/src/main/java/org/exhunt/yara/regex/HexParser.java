package org.exhunt.yara.regex;

/**
 * Parses a hex string (<code>{ 4D 5A ?? [2-4] ( 90 | 0? ) }</code>, braces included, comments allowed)
 * into a {@link RegexAst}, with libyara 4.2.3's rules: a string starts and ends with a byte or a group;
 * consecutive jumps merge; jumps inside an alternation may not exceed {@value #CHAINING_THRESHOLD} bytes
 * nor be open; {@code [0]} is refused but {@code [0-0]} is not. A hex string without {@code |} is
 * {@linkplain RegexAst#isFast() fast}. As libyara's bison parser, whose stack holds at most 10,000 states, it
 * refuses groups nested deeper than that room allows (about 4,997) with "memory exhausted".
 */
public final class HexParser {

    /** Gap above which a jump splits a string into chained parts, and the cap on jumps in alternations. */
    public static final int CHAINING_THRESHOLD = 200;

    /**
     * Symbols bison's stack has room for in a hex string, measured on yara 4.2.3 ({@code { (((...61...))) }}
     * parses with 4,997 groups, not with 4,998).
     */
    static final int STACK = 9998;

    private final String src;
    private final RegexAst ast = new RegexAst();
    private int pos;
    private int insideOr;
    /** The symbols bison would hold at this point (see {@link #STACK}). */
    private int held;

    private HexParser(String src) {
        this.src = src;
    }

    /** Parses {@code text}, the hex string including its braces. */
    public static RegexAst parse(String text) throws RegexSyntaxException {
        HexParser p = new HexParser(stripComments(text));
        p.ast.fast = true;
        p.skipSpace();
        if (p.peek() != '{') throw syntaxError();
        p.pos++;
        p.hold(1);
        RegexNode root = p.tokens();
        p.skipSpace();
        if (p.peek() != '}') throw p.unexpected();
        p.pos++;
        p.skipSpace();
        if (p.pos != p.src.length()) throw syntaxError();
        p.ast.setRoot(root);
        return p.ast;
    }

    private static RegexSyntaxException syntaxError() {
        return new RegexSyntaxException("syntax error");
    }

    /** Bison would now hold {@code symbols} more under what follows. */
    private void hold(int symbols) throws RegexSyntaxException {
        held += symbols;
        room(0);
    }

    /** Bison would for a moment hold {@code more} symbols above those held. */
    private void room(int more) throws RegexSyntaxException {
        if (held + more > STACK) throw new RegexSyntaxException("memory exhausted");
    }

    /** The error for the character at the cursor: a lone hex digit has its own message. */
    private RegexSyntaxException unexpected() {
        int c = peek();
        if (hex(c) >= 0) return new RegexSyntaxException("uneven number of digits in hex string");
        if (c == -1 || c == '}' || c == ')' || c == '|' || c == '(' || c == '[' || c == ']' || c == '?' || c == '-') {
            return syntaxError();
        }
        return new RegexSyntaxException("invalid character in hex string");
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private int peek() {
        return pos < src.length() ? src.charAt(pos) : -1;
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
            else break;
        }
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // tokens: token (token_or_range* token)?  -- starts and ends with a token, never with a jump
    // Under each item after the first, bison holds the first and, from the third on, the sequence between.
    private RegexNode tokens() throws RegexSyntaxException {
        RegexNode first = token();
        skipSpace();
        if (!startsTokenOrRange()) return first;
        RegexNode concat = ast.node(RegexNode.Kind.CONCAT);
        concat.children.add(first);
        hold(1);
        int under = 1;
        for (int items = 1; ; items++) {
            skipSpace();
            if (!startsTokenOrRange()) break;
            if (items == 2) {
                hold(1);
                under = 2;
            }
            RegexNode next = peek() == '[' ? range() : token();
            RegexNode tail = concat.children.get(concat.children.size() - 1);
            if (next.kind == RegexNode.Kind.RANGE_ANY && tail.kind == RegexNode.Kind.RANGE_ANY
                    && concat.children.size() > 1) {
                tail.start += next.start;
                tail.end += next.end;
            } else {
                concat.children.add(next);
            }
        }
        held -= under;
        if (concat.children.get(concat.children.size() - 1).kind == RegexNode.Kind.RANGE_ANY) throw syntaxError();
        return concat;
    }

    private boolean startsTokenOrRange() {
        int c = peek();
        return c == '(' || c == '[' || c == '?' || hex(c) >= 0;
    }

    private RegexNode token() throws RegexSyntaxException {
        skipSpace();
        int c = peek();
        if (c == '(') {
            pos++;
            insideOr++;
            // "(" and a mid-rule action, then for a moment the alternatives and ")"
            hold(2);
            RegexNode alternatives = alternatives();
            skipSpace();
            if (peek() != ')') throw unexpected();
            room(2);
            held -= 2;
            pos++;
            insideOr--;
            return alternatives;
        }
        room(1);
        return hexByte();
    }

    private RegexNode alternatives() throws RegexSyntaxException {
        RegexNode left = tokens();
        while (true) {
            skipSpace();
            if (peek() != '|') return left;
            pos++;
            ast.fast = false;
            // the alternatives so far and "|"
            hold(2);
            RegexNode right = tokens();
            held -= 2;
            RegexNode alt = ast.node(RegexNode.Kind.ALT);
            alt.children.add(left);
            alt.children.add(right);
            left = alt;
        }
    }

    private RegexNode hexByte() throws RegexSyntaxException {
        if (pos + 1 >= src.length()) throw unexpected();
        int hi = src.charAt(pos);
        int lo = src.charAt(pos + 1);
        boolean hiWild = hi == '?';
        boolean loWild = lo == '?';
        if ((!hiWild && hex(hi) < 0)) throw unexpected();
        if (!loWild && hex(lo) < 0) {
            pos++;
            throw new RegexSyntaxException(hiWild ? "syntax error" : "uneven number of digits in hex string");
        }
        pos += 2;
        int mask = (hiWild ? 0 : 0xF0) | (loWild ? 0 : 0x0F);
        int value = ((hiWild ? 0 : hex(hi)) << 4) | (loWild ? 0 : hex(lo));
        RegexNode node;
        if (mask == 0xFF) {
            node = ast.node(RegexNode.Kind.LITERAL);
        } else if (mask == 0) {
            node = ast.node(RegexNode.Kind.ANY);
        } else {
            node = ast.node(RegexNode.Kind.MASKED_LITERAL);
        }
        node.value = value;
        node.mask = mask;
        return node;
    }

    private RegexNode range() throws RegexSyntaxException {
        pos++; // [
        skipSpace();
        long from = -1;
        long to;
        boolean dash;
        if (peek() == '-') {
            pos++;
            skipSpace();
            if (peek() != ']') throw syntaxError();
            room(3);
            pos++;
            if (insideOr > 0) throw new RegexSyntaxException("unbounded jumps not allowed inside alternation (|)");
            return jump(0, RegexNode.MAX_RANGE);
        }
        from = number();
        skipSpace();
        dash = peek() == '-';
        if (dash) {
            pos++;
            skipSpace();
            if (peek() == ']') {
                room(4);
                pos++;
                if (insideOr > 0) throw new RegexSyntaxException("unbounded jumps not allowed inside alternation (|)");
                if (from < 0) throw new RegexSyntaxException("invalid negative jump length");
                return jump(from, RegexNode.MAX_RANGE);
            }
            to = number();
            skipSpace();
            if (peek() != ']') throw syntaxError();
            room(5);
            pos++;
            if (insideOr > 0 && (from > CHAINING_THRESHOLD || to > CHAINING_THRESHOLD)) {
                throw new RegexSyntaxException("jumps over " + CHAINING_THRESHOLD + " not allowed inside alternation (|)");
            }
            if (from < 0 || to < 0) throw new RegexSyntaxException("invalid negative jump length");
            if (from > to) throw new RegexSyntaxException("invalid jump range");
            return jump(from, to);
        }
        if (peek() != ']') throw syntaxError();
        room(3);
        pos++;
        if (from <= 0) throw new RegexSyntaxException("invalid jump length");
        if (insideOr > 0 && from > CHAINING_THRESHOLD) {
            throw new RegexSyntaxException("jumps over " + CHAINING_THRESHOLD + " not allowed inside alternation (|)");
        }
        return jump(from, from);
    }

    private long number() throws RegexSyntaxException {
        int startPos = pos;
        long v = 0;
        while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
            v = Math.min(v * 10 + (src.charAt(pos) - '0'), Integer.MAX_VALUE);
            pos++;
        }
        if (pos == startPos) throw syntaxError();
        return v;
    }

    private RegexNode jump(long from, long to) {
        RegexNode node = ast.node(RegexNode.Kind.RANGE_ANY);
        node.start = (int) from;
        node.end = (int) to;
        node.greedy = false;
        return node;
    }
}
