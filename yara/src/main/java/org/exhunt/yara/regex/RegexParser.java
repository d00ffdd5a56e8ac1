package org.exhunt.yara.regex;

/**
 * Parses YARA's regex dialect (the text between the slashes of {@code /.../}) into a {@link RegexAst},
 * with libyara 4.2.3's lexical rules: {@code {,N}} is {@code {0,N}}; a <code>{</code> that does not open a
 * valid repetition is a literal; {@code \x} needs two hex digits; {@code \1}..{@code \9} are refused as
 * backreferences; in a class, {@code \w-z} is the range {@code w-z}; a raw non-ASCII byte is a literal
 * outside classes and an error inside them; {@code ^} and {@code $} are anchors anywhere.
 *
 * <p>Grammar (libyara's {@code re_grammar.y}): alternatives of concatenations of repeats, where a repeat
 * is one single item with at most one quantifier ({@code a**} and <code>a{2}{3}</code> are errors), and
 * {@code \b}, {@code \B}, {@code ^}, {@code $} cannot be quantified. {@code a|} is {@code a} or nothing;
 * {@code |a} and {@code ()} are errors.
 */
public final class RegexParser {

    /**
     * Groups one regex may nest: more than any regex libyara's lexer holds (8,190 bytes, two per group), so
     * the limit only guards this parser against a caller without that lexer.
     */
    private static final int MAX_DEPTH = 4_096;

    private final byte[] src;
    private final RegexAst ast = new RegexAst();
    private int pos;
    private int depth;

    private RegexParser(byte[] src) {
        this.src = src;
    }

    /** Parses a regex body; throws with libyara's message when YARA would refuse it. */
    public static RegexAst parse(byte[] pattern) throws RegexSyntaxException {
        RegexParser p = new RegexParser(pattern);
        RegexNode root = p.alternative();
        if (p.pos < p.src.length) throw syntaxError();
        p.ast.setRoot(root);
        return p.ast;
    }

    private static RegexSyntaxException syntaxError() {
        return new RegexSyntaxException("syntax error");
    }

    private int peek() {
        return pos < src.length ? src[pos] & 0xFF : -1;
    }

    // alternative: concatenation ('|' concatenation?)*
    private RegexNode alternative() throws RegexSyntaxException {
        if (++depth > MAX_DEPTH) throw new RegexSyntaxException("regular expression is too complex");
        RegexNode left = concatenation();
        while (peek() == '|') {
            pos++;
            RegexNode right;
            if (peek() == -1 || peek() == '|' || peek() == ')') {
                right = ast.node(RegexNode.Kind.EMPTY);
            } else {
                right = concatenation();
            }
            RegexNode alt = ast.node(RegexNode.Kind.ALT);
            alt.children.add(left);
            alt.children.add(right);
            left = alt;
        }
        depth--;
        return left;
    }

    // concatenation: repeat+ (always a CONCAT node, even around one item)
    private RegexNode concatenation() throws RegexSyntaxException {
        RegexNode concat = ast.node(RegexNode.Kind.CONCAT);
        while (true) {
            int c = peek();
            if (c == -1 || c == '|' || c == ')') break;
            concat.children.add(repeat());
        }
        if (concat.children.isEmpty()) throw syntaxError();
        return concat;
    }

    private RegexNode repeat() throws RegexSyntaxException {
        int c = peek();
        if (c == '^' || c == '$') {
            pos++;
            RegexNode anchor = ast.node(c == '^' ? RegexNode.Kind.ANCHOR_START : RegexNode.Kind.ANCHOR_END);
            rejectQuantifier();
            return anchor;
        }
        if (c == '\\' && pos + 1 < src.length && (src[pos + 1] == 'b' || src[pos + 1] == 'B')) {
            boolean negated = src[pos + 1] == 'B';
            pos += 2;
            RegexNode boundary = ast.node(negated ? RegexNode.Kind.NON_WORD_BOUNDARY : RegexNode.Kind.WORD_BOUNDARY);
            rejectQuantifier();
            return boundary;
        }
        RegexNode single = single();
        return quantified(single);
    }

    /** After an item that cannot be repeated, any quantifier is a syntax error. */
    private void rejectQuantifier() throws RegexSyntaxException {
        int c = peek();
        if (c == '*' || c == '+' || c == '?' || rangeAt(pos) != null) throw syntaxError();
    }

    private RegexNode quantified(RegexNode single) throws RegexSyntaxException {
        int c = peek();
        int min;
        int max;
        RegexNode.Kind kind;
        if (c == '*') {
            pos++;
            kind = RegexNode.Kind.STAR;
            min = 0;
            max = 0;
        } else if (c == '+') {
            pos++;
            kind = RegexNode.Kind.PLUS;
            min = 0;
            max = 0;
        } else if (c == '?') {
            pos++;
            kind = RegexNode.Kind.RANGE;
            min = 0;
            max = 1;
        } else {
            int[] range = rangeAt(pos);
            if (range == null) return single;
            pos = range[2];
            kind = RegexNode.Kind.RANGE;
            min = range[0];
            max = range[1];
        }
        boolean greedy = true;
        if (peek() == '?') {
            pos++;
            greedy = false;
        }
        if (greedy) ast.hasGreedy = true; else ast.hasUngreedy = true;

        RegexNode node;
        if (kind == RegexNode.Kind.RANGE && single.kind == RegexNode.Kind.ANY) {
            // .? and .{n,m} become one "repeat any" node; .* and .+ stay a loop around Any.
            node = ast.node(RegexNode.Kind.RANGE_ANY);
        } else {
            node = ast.node(kind);
            node.children.add(single);
        }
        node.start = min;
        node.end = max;
        node.greedy = greedy;
        // A second quantifier on the same item is a syntax error in YARA's grammar.
        int after = peek();
        if (after == '*' || after == '+' || after == '?' || rangeAt(pos) != null) throw syntaxError();
        return node;
    }

    /**
     * A repetition token at {@code at}: <code>{n}</code>, <code>{n,m}</code>, <code>{,m}</code>,
     * <code>{n,}</code>, <code>{,}</code> (no spaces). Returns {min, max, end} or null when the brace is a
     * literal. Throws libyara's errors for bounds it refuses.
     */
    private int[] rangeAt(int at) throws RegexSyntaxException {
        if (at >= src.length || src[at] != '{') return null;
        int i = at + 1;
        int loStart = i;
        while (i < src.length && Chars.isDigit(src[i])) i++;
        int loEnd = i;
        if (i < src.length && src[i] == '}' && loEnd > loStart) {
            int value = atoi(loStart, loEnd);
            if (value > RegexNode.MAX_RANGE || value < 0) throw new RegexSyntaxException("repeat interval too large");
            if (value == 0) throw new RegexSyntaxException("bad repeat interval");
            return new int[] {value, value, i + 1};
        }
        if (i >= src.length || src[i] != ',') return null;
        i++;
        int hiStart = i;
        while (i < src.length && Chars.isDigit(src[i])) i++;
        int hiEnd = i;
        if (i >= src.length || src[i] != '}') return null;
        int lo = atoi(loStart, loEnd);
        int hi = hiEnd > hiStart ? atoi(hiStart, hiEnd) : RegexNode.MAX_RANGE;
        if (hi > RegexNode.MAX_RANGE) throw new RegexSyntaxException("repeat interval too large");
        if (hi < lo || hi < 0 || lo < 0 || (hi == 0 && lo == 0)) throw new RegexSyntaxException("bad repeat interval");
        return new int[] {lo, hi, i + 1};
    }

    /** C's {@code atoi} on a run of digits: saturates to the long range, then truncates to int. */
    private int atoi(int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            if (v > (Long.MAX_VALUE - 9) / 10) {
                v = Long.MAX_VALUE;
                break;
            }
            v = v * 10 + (src[i] - '0');
        }
        return (int) v;
    }

    private RegexNode single() throws RegexSyntaxException {
        int c = peek();
        switch (c) {
            case '(' -> {
                pos++;
                if (peek() == ')') throw syntaxError();
                RegexNode inner = alternative();
                if (peek() != ')') throw syntaxError();
                pos++;
                return inner;
            }
            case '.' -> {
                pos++;
                RegexNode any = ast.node(RegexNode.Kind.ANY);
                any.value = 0;
                any.mask = 0;
                return any;
            }
            case '[' -> {
                return charClass();
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '|', ')', -1 -> throw syntaxError();
            default -> {
                pos++;
                return literal(c);
            }
        }
    }

    private RegexNode literal(int b) {
        RegexNode lit = ast.node(RegexNode.Kind.LITERAL);
        lit.value = b;
        lit.mask = 0xFF;
        return lit;
    }

    private RegexNode escape() throws RegexSyntaxException {
        pos++; // the backslash
        int c = peek();
        RegexNode.Kind kind = switch (c) {
            case 'w' -> RegexNode.Kind.WORD_CHAR;
            case 'W' -> RegexNode.Kind.NON_WORD_CHAR;
            case 's' -> RegexNode.Kind.SPACE;
            case 'S' -> RegexNode.Kind.NON_SPACE;
            case 'd' -> RegexNode.Kind.DIGIT;
            case 'D' -> RegexNode.Kind.NON_DIGIT;
            default -> null;
        };
        if (kind != null) {
            pos++;
            return ast.node(kind);
        }
        if (c >= '1' && c <= '9') throw new RegexSyntaxException("backreferences are not allowed");
        return literal(escapedChar());
    }

    /** The byte of an escape whose backslash was consumed: {@code \xNN}, {@code \n}..., or the char itself. */
    private int escapedChar() throws RegexSyntaxException {
        int c = peek();
        if (c == -1) throw new RegexSyntaxException("illegal escape sequence");
        pos++;
        switch (c) {
            case 'x' -> {
                if (pos + 1 >= src.length || hex(src[pos]) < 0 || hex(src[pos + 1]) < 0) {
                    throw new RegexSyntaxException("illegal escape sequence");
                }
                int v = hex(src[pos]) << 4 | hex(src[pos + 1]);
                pos += 2;
                return v;
            }
            case 'n' -> {
                return '\n';
            }
            case 't' -> {
                return '\t';
            }
            case 'r' -> {
                return '\r';
            }
            case 'f' -> {
                return '\f';
            }
            case 'a' -> {
                return 0x07;
            }
            default -> {
                return c;
            }
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    private RegexNode charClass() throws RegexSyntaxException {
        pos++; // [
        CharClass cls = new CharClass();
        if (peek() == '^') {
            pos++;
            cls.setNegated(true);
        }
        // A ']' right after '[' or '[^' is a member, not the end.
        if (peek() == ']') {
            pos++;
            cls.add(']');
        }
        while (true) {
            int c = peek();
            if (c == -1) throw new RegexSyntaxException("missing terminating ] for character class");
            if (c == ']') {
                pos++;
                break;
            }
            if (tryRange(cls)) continue;
            if (c == '\\') {
                pos++;
                int e = peek();
                switch (e) {
                    case 'w' -> addWord(cls, false);
                    case 'W' -> addWord(cls, true);
                    case 's' -> addSpace(cls, false);
                    case 'S' -> addSpace(cls, true);
                    case 'd' -> addDigit(cls, false);
                    case 'D' -> addDigit(cls, true);
                    default -> e = -2;
                }
                if (e != -2) {
                    pos++;
                } else {
                    cls.add(escapedChar());
                }
                continue;
            }
            if (c >= 0x80) throw new RegexSyntaxException("non-ascii character");
            pos++;
            cls.add(c);
        }
        RegexNode node = ast.node(RegexNode.Kind.CLASS);
        node.charClass = cls;
        return node;
    }

    /**
     * A range {@code X-Y} at the cursor, where X is a byte or an escape and Y is a byte other than
     * {@code ]} or an escape. An escape such as {@code \w} stands for its letter here, as in libyara.
     */
    private boolean tryRange(CharClass cls) throws RegexSyntaxException {
        int save = pos;
        int start;
        if (peek() == '\\') {
            pos++;
            if (peek() == -1) {
                pos = save;
                return false;
            }
            start = escapedChar();
        } else {
            start = peek();
            pos++;
        }
        if (peek() != '-' || pos + 1 >= src.length || src[pos + 1] == ']') {
            pos = save;
            return false;
        }
        pos++; // -
        int end;
        if (peek() == '\\') {
            pos++;
            end = escapedChar();
        } else {
            end = peek();
            pos++;
        }
        if (start >= 0x80 && src[save] != '\\') throw new RegexSyntaxException("non-ascii character");
        if (end < start) throw new RegexSyntaxException("bad character range");
        cls.addRange(start, end);
        return true;
    }

    private static void addWord(CharClass cls, boolean complement) {
        for (int b = 0; b < 256; b++) if (Chars.isWordChar(b) != complement) cls.add(b);
    }

    private static void addSpace(CharClass cls, boolean complement) {
        for (int b = 0; b < 256; b++) if (Chars.isSpace(b) != complement) cls.add(b);
    }

    private static void addDigit(CharClass cls, boolean complement) {
        for (int b = 0; b < 256; b++) if (Chars.isDigit(b) != complement) cls.add(b);
    }
}
