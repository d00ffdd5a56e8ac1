package org.exhunt.yara.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses rule source into top-level items, in source order: {@link Import}s, {@link RuleDecl}s and
 * {@link SyntaxError}s. After an error the parser skips to the next {@code rule}, {@code private},
 * {@code global}, {@code import} or {@code include}, as libyara's grammar does, and goes on. Includes are
 * expanded in place through an {@link IncludeResolver}, at most {@value #MAX_INCLUDE_DEPTH} deep.
 *
 * <p>The grammar is libyara 4.2.3's: comparisons, {@code contains} and friends take arithmetic
 * ("primary") operands and do not chain; {@code not} binds tighter than {@code and}, which binds tighter
 * than {@code or}; a parenthesised boolean expression cannot be an arithmetic operand; arithmetic
 * precedence from loosest is {@code |}, {@code ^}, {@code &}, shifts, {@code + -}, {@code * \ %}, unary
 * {@code - ~}.
 *
 * <p>libyara's parser is bison's, whose stack holds at most 10,000 states: a condition nested deeper than that
 * room allows (about 9,980 parentheses or {@code not}s, 2,496 levels of {@code a and (}, 4,992 of
 * {@code uint8(}) is refused with "memory exhausted", and nothing after it is parsed. This parser counts the
 * symbols bison would hold at each point of a condition ({@link #held}) and refuses at the same place, so the
 * nesting of every condition it accepts is bounded as in libyara. Left-associative chains ({@code a or b or c
 * ...}) hold no more symbols however long they are, as in bison.
 */
public final class Parser {

    /** libyara's {@code YR_MAX_INCLUDE_DEPTH}. */
    public static final int MAX_INCLUDE_DEPTH = 16;

    /**
     * Symbols bison's stack (10,000 states) has room for in a condition: what the rule around it leaves,
     * measured on yara 4.2.3 (9,984 nested parentheses parse, 9,985 do not).
     */
    static final int CONDITION_STACK = 9986;

    private final Lexer lexer;
    private final String namespace;
    private final IncludeResolver includes;
    private final List<String> includeStack;
    private final List<Object> items = new ArrayList<>();
    /** The rule whose name has been read and whose body is being parsed, for error messages. */
    private String currentRule;
    private Token token;
    /** The symbols bison would hold at this point of the condition being parsed (see {@link #CONDITION_STACK}). */
    private int held;
    /** Set when parsing must stop for good, as libyara's parser stops (its stack exhausted, its lexer out of room). */
    private boolean aborted;
    /** Whether an item (import, include, rule) is being parsed: a lexer running out of room then cuts it short. */
    private boolean inItem;

    private Parser(Lexer lexer, String namespace, IncludeResolver includes, List<String> includeStack) {
        this.lexer = lexer;
        this.namespace = namespace;
        this.includes = includes;
        this.includeStack = includeStack;
    }

    /** Parses {@code source} (named {@code file}) declaring its rules in {@code namespace}. */
    public static List<Object> parse(byte[] source, String file, String namespace, IncludeResolver includes) {
        List<String> stack = new ArrayList<>();
        stack.add(file);
        Parser p = new Parser(new Lexer(source, file), namespace, includes, stack);
        p.run();
        return p.items;
    }

    private void run() {
        boolean recovering = false;
        while (!aborted) {
            try {
                if (token == null || recovering) {
                    peeked = null;
                    token = recovering ? skipToNextItem() : lexer.next();
                    recovering = false;
                }
                if (token.is(TokenKind.EOF)) return;
                inItem = true;
                item();
            } catch (SyntaxError e) {
                items.add(e.inRule(currentRule));
                if (lexer.outOfRoom()) {
                    // libyara's lexer ends the input there: an item cut short is also a syntax error.
                    if (inItem) items.add(new SyntaxError("syntax error, unexpected end of file", e.pos()).inRule(currentRule));
                    aborted = true;
                }
                recovering = true;
            }
            inItem = false;
            currentRule = null;
        }
    }

    /** The error that ends the parse when a condition nests deeper than bison's stack allows. */
    private SyntaxError exhausted() {
        aborted = true;
        return new SyntaxError("memory exhausted", token.pos());
    }

    /** Bison would now hold {@code symbols} more, under what follows (an operator, an opening bracket). */
    private void hold(int symbols) throws SyntaxError {
        held += symbols;
        room(0);
    }

    private void release(int symbols) {
        held -= symbols;
    }

    /** Bison would for a moment hold {@code more} symbols above those held: a leaf, or a bracket's content and its closing. */
    private void room(int more) throws SyntaxError {
        if (held + more > CONDITION_STACK) throw exhausted();
    }

    /** Discards tokens (and lexical errors) until one that can start a top-level item. */
    private Token skipToNextItem() {
        while (true) {
            try {
                Token t = lexer.next();
                if (t.is(TokenKind.EOF) || t.is(TokenKind.RULE) || t.is(TokenKind.PRIVATE) || t.is(TokenKind.GLOBAL)
                        || t.is(TokenKind.IMPORT) || t.is(TokenKind.INCLUDE)) return t;
            } catch (SyntaxError ignored) {
                // Lexical errors inside the part being skipped are not reported again, as in libyara.
            }
        }
    }

    private Token peeked;

    private void advance() throws SyntaxError {
        if (peeked != null) {
            token = peeked;
            peeked = null;
        } else {
            token = lexer.next();
        }
    }

    /** The token after the current one. */
    private Token peek() throws SyntaxError {
        if (peeked == null) peeked = lexer.next();
        return peeked;
    }

    private SyntaxError unexpected() {
        return new SyntaxError("syntax error, unexpected " + token.describe(), token.pos());
    }

    private Token expect(TokenKind kind) throws SyntaxError {
        if (!token.is(kind)) throw unexpected();
        Token t = token;
        advance();
        return t;
    }

    private void expectPunct(String p) throws SyntaxError {
        if (!token.isPunct(p)) throw unexpected();
        advance();
    }

    private boolean acceptPunct(String p) throws SyntaxError {
        if (!token.isPunct(p)) return false;
        advance();
        return true;
    }

    private void item() throws SyntaxError {
        switch (token.kind()) {
            case IMPORT -> {
                SourcePos at = token.pos();
                advance();
                Token name = expect(TokenKind.TEXT_STRING);
                items.add(new Import(namespace, new String(name.bytes(), StandardCharsets.ISO_8859_1), at));
            }
            case INCLUDE -> include();
            case RULE, PRIVATE, GLOBAL -> items.add(rule());
            default -> throw unexpected();
        }
    }

    private void include() throws SyntaxError {
        Token inc = token;
        String path = new String(inc.bytes(), StandardCharsets.ISO_8859_1);
        if (includeStack.size() >= MAX_INCLUDE_DEPTH) throw new SyntaxError("includes depth exceeded", inc.pos());
        IncludeResolver.Source source;
        try {
            source = includes.resolve(path, includeStack.get(includeStack.size() - 1));
        } catch (IOException e) {
            String reason = e.getMessage();
            throw new SyntaxError(reason != null && reason.equals("includes are disabled") ? reason
                    : "can't open include file: " + path, inc.pos());
        }
        if (includeStack.contains(source.name())) throw new SyntaxError("includes circular reference", inc.pos());
        includeStack.add(source.name());
        Parser nested = new Parser(new Lexer(source.content(), source.name()), namespace, includes, includeStack);
        nested.run();
        includeStack.remove(includeStack.size() - 1);
        items.addAll(nested.items);
        // One bison parse reads the includes too: when it stops in one, nothing after it is read.
        if (nested.aborted) {
            aborted = true;
            inItem = false;
            return;
        }
        advance();
    }

    private RuleDecl rule() throws SyntaxError {
        boolean isPrivate = false;
        boolean isGlobal = false;
        while (token.is(TokenKind.PRIVATE) || token.is(TokenKind.GLOBAL)) {
            if (token.is(TokenKind.PRIVATE)) isPrivate = true; else isGlobal = true;
            advance();
        }
        SourcePos at = token.pos();
        expect(TokenKind.RULE);
        String name = expect(TokenKind.IDENTIFIER).text();
        currentRule = name;
        List<String> tags = new ArrayList<>();
        if (acceptPunct(":")) {
            Set<String> seen = new HashSet<>();
            do {
                Token tag = expect(TokenKind.IDENTIFIER);
                if (!seen.add(tag.text())) throw new SyntaxError("duplicated tag identifier \"" + tag.text() + "\"", tag.pos());
                tags.add(tag.text());
            } while (token.is(TokenKind.IDENTIFIER));
        }
        expectPunct("{");
        List<Meta> metas = token.is(TokenKind.META) ? metas() : List.of();
        List<StringDecl> strings = token.is(TokenKind.STRINGS) ? strings() : List.of();
        expect(TokenKind.CONDITION);
        expectPunct(":");
        held = 0;
        Expr condition = booleanExpression();
        if (!token.isPunct("}")) throw unexpected();
        token = null; // the closing brace ends the item; the next token is read by run()
        return new RuleDecl(namespace, isPrivate, isGlobal, name, tags, metas, strings, condition, at);
    }

    private List<Meta> metas() throws SyntaxError {
        advance();
        expectPunct(":");
        List<Meta> metas = new ArrayList<>();
        do {
            Token name = expect(TokenKind.IDENTIFIER);
            expectPunct("=");
            Object value;
            if (token.is(TokenKind.TEXT_STRING)) {
                value = token.bytes();
            } else if (token.is(TokenKind.NUMBER)) {
                value = token.number();
            } else if (token.isPunct("-")) {
                advance();
                if (!token.is(TokenKind.NUMBER)) throw unexpected();
                value = -token.number();
            } else if (token.is(TokenKind.TRUE) || token.is(TokenKind.FALSE)) {
                value = token.is(TokenKind.TRUE);
            } else {
                throw unexpected();
            }
            advance();
            metas.add(new Meta(name.text(), value, name.pos()));
        } while (token.is(TokenKind.IDENTIFIER));
        return metas;
    }

    private List<StringDecl> strings() throws SyntaxError {
        advance();
        expectPunct(":");
        List<StringDecl> strings = new ArrayList<>();
        do {
            Token id = expect(TokenKind.STRING_IDENTIFIER);
            expectPunct("=");
            Token value = token;
            StringDecl.Kind kind = switch (value.kind()) {
                case TEXT_STRING -> StringDecl.Kind.TEXT;
                case REGEX -> StringDecl.Kind.REGEX;
                case HEX_STRING -> StringDecl.Kind.HEX;
                default -> throw unexpected();
            };
            advance();
            Modifiers mods = modifiers(kind);
            byte[] bytes = kind == StringDecl.Kind.HEX
                    ? value.text().getBytes(StandardCharsets.ISO_8859_1) : value.bytes();
            int flags = kind == StringDecl.Kind.REGEX ? (int) value.number() : 0;
            strings.add(new StringDecl(id.text(), kind, bytes, flags, mods, id.pos()));
        } while (token.is(TokenKind.STRING_IDENTIFIER));
        return strings;
    }

    private Modifiers modifiers(StringDecl.Kind kind) throws SyntaxError {
        boolean ascii = false, wide = false, nocase = false, fullword = false, priv = false, xor = false;
        int xorMin = 0, xorMax = 0;
        byte[] b64 = null, b64w = null;
        while (true) {
            TokenKind k = token.kind();
            boolean allowed = switch (k) {
                case PRIVATE -> true;
                case ASCII, WIDE, NOCASE, FULLWORD -> kind != StringDecl.Kind.HEX;
                case XOR, BASE64, BASE64WIDE -> kind == StringDecl.Kind.TEXT;
                default -> false;
            };
            if (!allowed) break;
            SourcePos at = token.pos();
            boolean duplicate = switch (k) {
                case PRIVATE -> priv;
                case ASCII -> ascii;
                case WIDE -> wide;
                case NOCASE -> nocase;
                case FULLWORD -> fullword;
                case XOR -> xor;
                case BASE64 -> b64 != null;
                default -> b64w != null;
            };
            advance();
            switch (k) {
                case PRIVATE -> priv = true;
                case ASCII -> ascii = true;
                case WIDE -> wide = true;
                case NOCASE -> nocase = true;
                case FULLWORD -> fullword = true;
                case XOR -> {
                    xor = true;
                    xorMin = 0;
                    xorMax = 255;
                    if (acceptPunct("(")) {
                        long lo = expect(TokenKind.NUMBER).number();
                        long hi = lo;
                        boolean range = acceptPunct("-");
                        if (range) hi = expect(TokenKind.NUMBER).number();
                        expectPunct(")");
                        if (!range && (lo < 0 || lo > 255)) throw new SyntaxError("invalid xor range", at);
                        if (range && lo < 0) throw new SyntaxError("lower bound for xor range exceeded (min: 0)", at);
                        if (range && hi > 255) throw new SyntaxError("upper bound for xor range exceeded (max: 255)", at);
                        if (range && lo > hi) throw new SyntaxError("xor lower bound exceeds upper bound", at);
                        xorMin = (int) lo;
                        xorMax = (int) hi;
                    }
                }
                default -> {
                    byte[] alphabet = Base64Alphabet.DEFAULT;
                    if (acceptPunct("(")) {
                        alphabet = expect(TokenKind.TEXT_STRING).bytes();
                        expectPunct(")");
                        if (alphabet.length != 64) throw new SyntaxError("length of base64 alphabet must be 64", at);
                    }
                    if (k == TokenKind.BASE64) {
                        if (b64w != null && !Arrays.equals(b64w, alphabet)) {
                            throw new SyntaxError("can not specify multiple alphabets", at);
                        }
                        b64 = alphabet;
                    } else {
                        if (b64 != null && !Arrays.equals(b64, alphabet)) {
                            throw new SyntaxError("can not specify multiple alphabets", at);
                        }
                        b64w = alphabet;
                    }
                }
            }
            if (duplicate) throw new SyntaxError("duplicated modifier", at);
        }
        return new Modifiers(ascii, wide, nocase, fullword, priv, xor, xorMin, xorMax, b64, b64w);
    }

    // ---- conditions ----

    /** A parsed expression and whether it is an arithmetic ("primary") one. */
    private record Parsed(Expr expr, boolean primary) {}

    private Expr booleanExpression() throws SyntaxError {
        return orExpression().expr();
    }

    /** Symbols under the right operand of {@code and} and {@code or}: the left one, the operator, a mid-rule action. */
    private static final int LOGIC_OPERATOR = 3;

    private Parsed orExpression() throws SyntaxError {
        Parsed left = andExpression();
        while (token.is(TokenKind.OR)) {
            SourcePos at = token.pos();
            advance();
            hold(LOGIC_OPERATOR);
            Expr right = andExpression().expr();
            release(LOGIC_OPERATOR);
            left = new Parsed(new Expr.Binary(Expr.BinaryOp.OR, left.expr(), right, at), false);
        }
        return left;
    }

    private Parsed andExpression() throws SyntaxError {
        Parsed left = notExpression();
        while (token.is(TokenKind.AND)) {
            SourcePos at = token.pos();
            advance();
            hold(LOGIC_OPERATOR);
            Expr right = notExpression().expr();
            release(LOGIC_OPERATOR);
            left = new Parsed(new Expr.Binary(Expr.BinaryOp.AND, left.expr(), right, at), false);
        }
        return left;
    }

    /** {@code not not ... x}: the {@code not}s are read in a loop, each one symbol on bison's stack. */
    private Parsed notExpression() throws SyntaxError {
        if (!token.is(TokenKind.NOT)) return expression();
        List<SourcePos> nots = new ArrayList<>();
        while (token.is(TokenKind.NOT)) {
            nots.add(token.pos());
            advance();
            hold(1);
        }
        Expr e = expression().expr();
        release(nots.size());
        for (int i = nots.size() - 1; i >= 0; i--) e = new Expr.Unary(Expr.UnaryOp.NOT, e, nots.get(i));
        return new Parsed(e, false);
    }

    /** libyara's {@code expression} below {@code and}/{@code or}/{@code not}: tests, loops, sets, comparisons. */
    private Parsed expression() throws SyntaxError {
        room(1);
        SourcePos at = token.pos();
        switch (token.kind()) {
            case TRUE, FALSE -> {
                boolean v = token.is(TokenKind.TRUE);
                advance();
                return new Parsed(new Expr.BoolLit(v, at), false);
            }
            case STRING_IDENTIFIER -> {
                String id = token.text();
                advance();
                if (token.is(TokenKind.AT)) {
                    advance();
                    return new Parsed(new Expr.StringAt(id, held(2, this::primary), at), false);
                }
                if (token.is(TokenKind.IN)) {
                    advance();
                    Expr[] range = held(2, this::range);
                    return new Parsed(new Expr.StringIn(id, range[0], range[1], at), false);
                }
                return new Parsed(new Expr.StringMatch(id, at), false);
            }
            case FOR -> {
                return new Parsed(forExpression(), false);
            }
            case ALL, ANY, NONE -> {
                Expr.Quantifier q = keywordQuantifier();
                return new Parsed(ofRest(q, at), false);
            }
            default -> { }
        }
        Parsed p = binary(0, true);
        if (!p.primary()) return p;
        Expr left = p.expr();
        if (token.is(TokenKind.OF)) {
            return new Parsed(ofRest(new Expr.Quantifier(Expr.Quantifier.Kind.EXPRESSION, left), at), false);
        }
        if (token.isPunct("%")) {
            // Only "% of" is left here: any other "%" was taken by the arithmetic as modulo.
            advance();
            expect(TokenKind.OF);
            return new Parsed(new Expr.PercentOf(left, stringSet(), at), false);
        }
        Expr.BinaryOp op = comparison();
        if (op == null) return p;
        SourcePos opAt = token.pos();
        advance();
        if (op == Expr.BinaryOp.MATCHES) {
            Token re = expect(TokenKind.REGEX);
            return new Parsed(new Expr.Binary(op, left, new Expr.RegexLit(re.bytes(), (int) re.number(), re.pos()), opAt), false);
        }
        return new Parsed(new Expr.Binary(op, left, held(2, this::primary), opAt), false);
    }

    private interface Part<T> {
        T parse() throws SyntaxError;
    }

    /** {@code part} parsed with {@code symbols} more on bison's stack under it. */
    private <T> T held(int symbols, Part<T> part) throws SyntaxError {
        hold(symbols);
        T t = part.parse();
        release(symbols);
        return t;
    }

    /**
     * {@code part} between brackets: bison holds the opening one under it (and {@code before} more symbols under
     * that), then for a moment the part and the closing one.
     */
    private <T> T bracketed(int before, String close, Part<T> part) throws SyntaxError {
        hold(before + 1);
        T t = part.parse();
        room(2);
        expectPunct(close);
        release(before + 1);
        return t;
    }

    private Expr.BinaryOp comparison() {
        if (token.kind() == TokenKind.PUNCT) {
            return switch (token.text()) {
                case "<" -> Expr.BinaryOp.LT;
                case "<=" -> Expr.BinaryOp.LE;
                case ">" -> Expr.BinaryOp.GT;
                case ">=" -> Expr.BinaryOp.GE;
                case "==" -> Expr.BinaryOp.EQ;
                case "!=" -> Expr.BinaryOp.NE;
                default -> null;
            };
        }
        return switch (token.kind()) {
            case CONTAINS -> Expr.BinaryOp.CONTAINS;
            case ICONTAINS -> Expr.BinaryOp.ICONTAINS;
            case STARTSWITH -> Expr.BinaryOp.STARTSWITH;
            case ISTARTSWITH -> Expr.BinaryOp.ISTARTSWITH;
            case ENDSWITH -> Expr.BinaryOp.ENDSWITH;
            case IENDSWITH -> Expr.BinaryOp.IENDSWITH;
            case IEQUALS -> Expr.BinaryOp.IEQUALS;
            case MATCHES -> Expr.BinaryOp.MATCHES;
            default -> null;
        };
    }

    private Expr.Quantifier keywordQuantifier() throws SyntaxError {
        Expr.Quantifier.Kind kind = switch (token.kind()) {
            case ALL -> Expr.Quantifier.Kind.ALL;
            case ANY -> Expr.Quantifier.Kind.ANY;
            default -> Expr.Quantifier.Kind.NONE;
        };
        advance();
        return new Expr.Quantifier(kind, null);
    }

    private Expr ofRest(Expr.Quantifier q, SourcePos at) throws SyntaxError {
        expect(TokenKind.OF);
        Expr.StringSet set = stringSet();
        if (token.is(TokenKind.IN)) {
            advance();
            // the quantifier, "of", the set and "in"
            Expr[] range = held(4, this::range);
            return new Expr.Of(q, set, range[0], range[1], at);
        }
        return new Expr.Of(q, set, null, null, at);
    }

    private Expr.StringSet stringSet() throws SyntaxError {
        SourcePos at = token.pos();
        if (token.is(TokenKind.THEM)) {
            advance();
            return new Expr.StringSet(null, false, at);
        }
        expectPunct("(");
        List<String> patterns = new ArrayList<>();
        boolean rules = token.is(TokenKind.IDENTIFIER);
        do {
            if (rules && token.is(TokenKind.IDENTIFIER)) {
                String name = token.text();
                advance();
                if (acceptPunct("*")) name += "*";
                patterns.add(name);
                continue;
            }
            if (rules || (!token.is(TokenKind.STRING_IDENTIFIER) && !token.is(TokenKind.STRING_IDENTIFIER_WILDCARD))) {
                throw unexpected();
            }
            patterns.add(token.text());
            advance();
        } while (acceptPunct(","));
        expectPunct(")");
        return new Expr.StringSet(patterns, rules, at);
    }

    /** Symbols under a loop's iteration: "for", the quantifier, the variables, "in" and a mid-rule action. */
    private static final int FOR_IN = 5;
    /** Symbols under a {@code for ... in} loop's body: those under its iteration, it, an action, ":" and "(". */
    private static final int FOR_IN_BODY = FOR_IN + 4;
    /** Symbols under a {@code for ... of} loop's body: "for", the quantifier, "of", the set, an action, ":" and "(". */
    private static final int FOR_OF_BODY = 7;

    private Expr forExpression() throws SyntaxError {
        SourcePos at = token.pos();
        advance(); // for
        Expr.Quantifier q;
        if (token.is(TokenKind.ALL) || token.is(TokenKind.ANY) || token.is(TokenKind.NONE)) {
            q = keywordQuantifier();
        } else {
            q = new Expr.Quantifier(Expr.Quantifier.Kind.EXPRESSION, held(1, this::primary));
        }
        if (token.is(TokenKind.OF)) {
            advance();
            Expr.StringSet set = stringSet();
            Expr body = loopBody(FOR_OF_BODY);
            return new Expr.ForOf(q, set, body, at);
        }
        List<String> variables = new ArrayList<>();
        do {
            variables.add(expect(TokenKind.IDENTIFIER).text());
        } while (acceptPunct(","));
        expect(TokenKind.IN);
        Expr.Iteration iteration;
        if (token.isPunct("(")) {
            iteration = held(FOR_IN, this::integerSet);
        } else if (token.is(TokenKind.IDENTIFIER)) {
            iteration = new Expr.ObjectIteration(held(FOR_IN, this::identifierChain));
        } else {
            throw unexpected();
        }
        Expr body = loopBody(FOR_IN_BODY);
        return new Expr.ForIn(q, variables, iteration, body, at);
    }

    /** {@code (from..to)} or {@code (a, b, c)}. */
    private Expr.Iteration integerSet() throws SyntaxError {
        expectPunct("(");
        hold(1);
        Expr first = primary();
        Expr.Iteration iteration;
        if (acceptPunct("..")) {
            Expr to = held(2, this::primary);
            room(4);
            iteration = new Expr.RangeIteration(first, to);
        } else {
            List<Expr> items = new ArrayList<>();
            items.add(first);
            // the enumeration so far and ","
            while (acceptPunct(",")) items.add(held(2, this::primary));
            room(2);
            iteration = new Expr.EnumIteration(items);
        }
        expectPunct(")");
        release(1);
        return iteration;
    }

    /** {@code : (body)}, with {@code symbols} under the body (its "(" included). */
    private Expr loopBody(int symbols) throws SyntaxError {
        expectPunct(":");
        expectPunct("(");
        Expr body = held(symbols, this::booleanExpression);
        room(symbols + 2);
        expectPunct(")");
        return body;
    }

    /** {@code (from..to)}. */
    private Expr[] range() throws SyntaxError {
        expectPunct("(");
        hold(1);
        Expr from = primary();
        expectPunct("..");
        Expr to = held(2, this::primary);
        room(4);
        expectPunct(")");
        release(1);
        return new Expr[] {from, to};
    }

    // ---- arithmetic ("primary") expressions ----

    /** A primary expression; a parenthesised boolean expression here is a syntax error. */
    private Expr primary() throws SyntaxError {
        Parsed p = binary(0, false);
        if (!p.primary()) throw unexpected();
        return p.expr();
    }

    private static int precedence(Token t) {
        if (t.kind() != TokenKind.PUNCT) return -1;
        return switch (t.text()) {
            case "|" -> 1;
            case "^" -> 2;
            case "&" -> 3;
            case "<<", ">>" -> 4;
            case "+", "-" -> 5;
            case "*", "\\", "%" -> 6;
            default -> -1;
        };
    }

    private static Expr.BinaryOp arithmetic(String symbol) {
        return switch (symbol) {
            case "|" -> Expr.BinaryOp.BIT_OR;
            case "^" -> Expr.BinaryOp.BIT_XOR;
            case "&" -> Expr.BinaryOp.BIT_AND;
            case "<<" -> Expr.BinaryOp.SHL;
            case ">>" -> Expr.BinaryOp.SHR;
            case "+" -> Expr.BinaryOp.ADD;
            case "-" -> Expr.BinaryOp.SUB;
            case "*" -> Expr.BinaryOp.MUL;
            case "\\" -> Expr.BinaryOp.DIV;
            default -> Expr.BinaryOp.MOD;
        };
    }

    /**
     * Precedence climbing over the left-associative arithmetic operators. A {@code % of} ends the expression
     * when it applies to all of it ({@code percentAllowed}, at the start of an expression), and is a syntax
     * error inside a looser operator's right operand, where libyara's parser would have shifted the {@code %}.
     */
    private Parsed binary(int minPrecedence, boolean percentAllowed) throws SyntaxError {
        Parsed left = unary();
        while (true) {
            int prec = precedence(token);
            if (prec < 0 || prec < minPrecedence) return left;
            if (token.isPunct("%") && peek().is(TokenKind.OF)) {
                if (percentAllowed) return left;
                throw unexpected();
            }
            if (!left.primary()) throw unexpected();
            Token op = token;
            advance();
            // the left operand and the operator
            Parsed right = held(2, () -> binary(prec + 1, false));
            if (!right.primary()) throw unexpected();
            left = new Parsed(new Expr.Binary(arithmetic(op.text()), left.expr(), right.expr(), op.pos()), true);
        }
    }

    /** {@code - ~ - x}: the operators are read in a loop, each one symbol on bison's stack. */
    private Parsed unary() throws SyntaxError {
        if (!token.isPunct("-") && !token.isPunct("~")) return atom();
        List<Token> operators = new ArrayList<>();
        while (token.isPunct("-") || token.isPunct("~")) {
            operators.add(token);
            advance();
            hold(1);
        }
        Parsed operand = atom();
        if (!operand.primary()) throw unexpected();
        release(operators.size());
        Expr e = operand.expr();
        for (int i = operators.size() - 1; i >= 0; i--) {
            Token op = operators.get(i);
            e = new Expr.Unary(op.isPunct("-") ? Expr.UnaryOp.MINUS : Expr.UnaryOp.BITWISE_NOT, e, op.pos());
        }
        return new Parsed(e, true);
    }

    private Parsed atom() throws SyntaxError {
        room(1);
        SourcePos at = token.pos();
        switch (token.kind()) {
            case PUNCT -> {
                if (!token.isPunct("(")) throw unexpected();
                advance();
                // An arithmetic expression in parentheses stays arithmetic; a boolean one does not.
                return bracketed(0, ")", this::orExpression);
            }
            case FILESIZE -> {
                advance();
                return new Parsed(new Expr.Filesize(at), true);
            }
            case ENTRYPOINT -> {
                advance();
                return new Parsed(new Expr.Entrypoint(at), true);
            }
            case INTEGER_FUNCTION -> {
                String fn = token.text();
                advance();
                expectPunct("(");
                Expr offset = bracketed(1, ")", this::primary);
                return new Parsed(new Expr.IntRead(fn, offset, at), true);
            }
            case NUMBER -> {
                long v = token.number();
                advance();
                return new Parsed(new Expr.IntLit(v, at), true);
            }
            case DOUBLE -> {
                double v = token.real();
                advance();
                return new Parsed(new Expr.FloatLit(v, at), true);
            }
            case TEXT_STRING -> {
                byte[] v = token.bytes();
                advance();
                return new Parsed(new Expr.TextLit(v, at), true);
            }
            case REGEX -> {
                Expr re = new Expr.RegexLit(token.bytes(), (int) token.number(), at);
                advance();
                return new Parsed(re, true);
            }
            case STRING_COUNT -> {
                String id = token.text();
                advance();
                if (token.is(TokenKind.IN)) {
                    advance();
                    Expr[] range = held(2, this::range);
                    return new Parsed(new Expr.StringCount(id, range[0], range[1], at), true);
                }
                return new Parsed(new Expr.StringCount(id, null, null, at), true);
            }
            case STRING_OFFSET, STRING_LENGTH -> {
                boolean offset = token.is(TokenKind.STRING_OFFSET);
                String id = token.text();
                advance();
                Expr index = null;
                if (acceptPunct("[")) index = bracketed(1, "]", this::primary);
                return new Parsed(offset ? new Expr.StringOffset(id, index, at) : new Expr.StringLength(id, index, at), true);
            }
            case IDENTIFIER -> {
                return new Parsed(identifierChain(), true);
            }
            default -> throw unexpected();
        }
    }

    private Expr identifierChain() throws SyntaxError {
        Token id = expect(TokenKind.IDENTIFIER);
        Expr e = new Expr.Identifier(id.text(), id.pos());
        while (true) {
            SourcePos at = token.pos();
            if (acceptPunct(".")) {
                e = new Expr.Field(e, expect(TokenKind.IDENTIFIER).text(), at);
            } else if (acceptPunct("[")) {
                e = new Expr.Index(e, bracketed(1, "]", this::primary), at);
            } else if (token.isPunct("(")) {
                advance();
                hold(2);
                List<Expr> args = new ArrayList<>();
                if (!token.isPunct(")")) {
                    // An argument is any expression, "and"/"or" included; after the first, the list so far and ","
                    // are under it.
                    args.add(booleanExpression());
                    while (acceptPunct(",")) args.add(held(2, this::booleanExpression));
                }
                room(2);
                expectPunct(")");
                release(2);
                e = new Expr.Call(e, args, at);
            } else {
                return e;
            }
        }
    }
}
