package org.exhunt.hunt.ioc.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exhunt.core.Limits;

/**
 * Reads a STIX 2.1 pattern (STIX 2.1 part 5, "STIX Patterning") into the alternatives it allows: a list of
 * conjunctions of {@link Comparison}s, any one of which is a match (disjunctive normal form). exhunt matches one
 * object at a time, so observations may be joined by {@code OR} only; {@code AND} and {@code FOLLOWEDBY} between
 * observations and the {@code WITHIN}, {@code START}/{@code STOP} and {@code REPEATS} qualifiers are refused with
 * their position. The entry point is {@link #parse}.
 *
 * <p>Grammar read (keywords ignore case, as the STIX grammar allows):
 * <pre>
 * pattern     := observation ('OR' observation)*
 * observation := '[' comparisons ']' | '(' pattern ')'
 * comparisons := conjunction ('OR' conjunction)*
 * conjunction := term ('AND' term)*
 * term        := '(' comparisons ')' | path 'NOT'? operator value
 * path        := type ':' step ('.' step | '[' index ']')*        step := name | 'quoted name'
 * value       := 'string' | number | true | false | h'hex' | b'base64' | t'timestamp' | '(' value (',' value)* ')'
 * </pre>
 */
public final class PatternParser {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=", "IN", "LIKE", "MATCHES",
            "ISSUBSET", "ISSUPERSET");
    private static final Set<String> QUALIFIERS = Set.of("WITHIN", "START", "STOP", "REPEATS");

    private record Token(String kind, String text, int position) {
        boolean is(String word) {
            return (kind.equals("word") || kind.equals("punct") || kind.equals("op")) && text.equalsIgnoreCase(word);
        }
    }

    private final List<Token> tokens;
    private int at;
    private int depth; // open parentheses and brackets, capped so that a hostile pattern cannot exhaust the stack

    private PatternParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The alternatives of a pattern; each is a list of comparisons that must all hold. */
    public static List<List<Comparison>> parse(String pattern) throws PatternException {
        if (pattern.length() > Limits.STIX_PATTERN_CHARS) {
            throw new PatternException(0, "pattern longer than " + Limits.STIX_PATTERN_CHARS + " characters");
        }
        PatternParser p = new PatternParser(tokenize(pattern));
        List<List<Comparison>> alternatives = p.pattern();
        Token rest = p.peek();
        if (!rest.kind().equals("end")) throw new PatternException(rest.position(), "unexpected '" + rest.text() + "'");
        return alternatives;
    }

    private List<List<Comparison>> pattern() throws PatternException {
        List<List<Comparison>> alternatives = observation();
        while (peek().is("OR")) {
            next();
            alternatives = union(alternatives, observation());
        }
        Token t = peek();
        if (t.is("AND") || t.is("FOLLOWEDBY")) {
            throw new PatternException(t.position(), "observations joined by " + t.text().toUpperCase(Locale.ROOT)
                    + " describe several objects together; exhunt matches one object at a time (OR only)");
        }
        return alternatives;
    }

    private List<List<Comparison>> observation() throws PatternException {
        Token t = next();
        List<List<Comparison>> alternatives;
        if (t.is("[")) {
            enter(t);
            alternatives = comparisons();
            expect("]");
            depth--;
        } else if (t.is("(")) {
            enter(t);
            alternatives = pattern();
            expect(")");
            depth--;
        } else {
            throw new PatternException(t.position(), "expected '[' or '(' to start an observation, found " + describe(t));
        }
        Token q = peek();
        if (q.kind().equals("word") && QUALIFIERS.contains(q.text().toUpperCase(Locale.ROOT))) {
            throw new PatternException(q.position(), "the " + q.text().toUpperCase(Locale.ROOT)
                    + " qualifier needs events over time; exhunt matches files, addresses and URLs as they are");
        }
        return alternatives;
    }

    private List<List<Comparison>> comparisons() throws PatternException {
        List<List<Comparison>> alternatives = conjunction();
        while (peek().is("OR")) {
            next();
            alternatives = union(alternatives, conjunction());
        }
        return alternatives;
    }

    private List<List<Comparison>> conjunction() throws PatternException {
        List<List<Comparison>> alternatives = term();
        while (peek().is("AND")) {
            Token and = next();
            List<List<Comparison>> right = term();
            checkCount((long) alternatives.size() * right.size(), and.position());
            List<List<Comparison>> product = new ArrayList<>();
            for (List<Comparison> l : alternatives) {
                for (List<Comparison> r : right) {
                    List<Comparison> both = new ArrayList<>(l);
                    both.addAll(r);
                    product.add(both);
                }
            }
            alternatives = product;
        }
        return alternatives;
    }

    private List<List<Comparison>> term() throws PatternException {
        if (peek().is("(")) {
            enter(next());
            List<List<Comparison>> inner = comparisons();
            expect(")");
            depth--;
            return inner;
        }
        Comparison c = comparison();
        if (!c.operator().equals("IN") || c.negated()) return List.of(List.of(c));
        // x IN (a, b) is x = a OR x = b
        checkCount(c.values().size(), c.position());
        List<List<Comparison>> alternatives = new ArrayList<>();
        for (Comparison.Literal v : c.values()) {
            alternatives.add(List.of(new Comparison(c.objectType(), c.property(), false, "=", List.of(v), c.position())));
        }
        return alternatives;
    }

    private Comparison comparison() throws PatternException {
        Token type = next();
        if (!type.kind().equals("word")) throw new PatternException(type.position(), "expected an object path, found " + describe(type));
        expect(":");
        StringBuilder property = new StringBuilder(step());
        while (true) {
            if (peek().is(".")) {
                next();
                property.append('.').append(step());
            } else if (peek().is("[")) {
                next();
                Token index = next();
                if (!index.kind().equals("number") && !index.is("*")) {
                    throw new PatternException(index.position(), "expected a list index or '*', found " + describe(index));
                }
                expect("]");
                property.append('[').append(index.text()).append(']');
            } else {
                break;
            }
        }
        boolean negated = false;
        if (peek().is("NOT")) {
            next();
            negated = true;
        }
        Token op = next();
        String operator = op.text().toUpperCase(Locale.ROOT);
        if (!OPERATORS.contains(operator) || op.kind().equals("string")) {
            throw new PatternException(op.position(), "expected a comparison operator, found " + describe(op));
        }
        List<Comparison.Literal> values = new ArrayList<>();
        if (operator.equals("IN")) {
            expect("(");
            values.add(literal());
            while (peek().is(",")) {
                next();
                values.add(literal());
            }
            expect(")");
        } else {
            values.add(literal());
        }
        return new Comparison(type.text().toLowerCase(Locale.ROOT), property.toString(), negated, operator,
                List.copyOf(values), type.position());
    }

    private String step() throws PatternException {
        Token t = next();
        if (t.kind().equals("word") || t.kind().equals("string")) return t.text();
        throw new PatternException(t.position(), "expected a property name, found " + describe(t));
    }

    private Comparison.Literal literal() throws PatternException {
        Token t = next();
        return switch (t.kind()) {
            case "string", "number", "hex", "binary", "timestamp" -> new Comparison.Literal(
                    t.kind().equals("number") ? (t.text().contains(".") ? "float" : "int") : t.kind(), t.text());
            case "word" -> {
                if (t.is("true") || t.is("false")) yield new Comparison.Literal("bool", t.text().toLowerCase(Locale.ROOT));
                throw new PatternException(t.position(), "expected a value, found " + describe(t));
            }
            default -> throw new PatternException(t.position(), "expected a value, found " + describe(t));
        };
    }

    private static List<List<Comparison>> union(List<List<Comparison>> a, List<List<Comparison>> b) throws PatternException {
        List<List<Comparison>> all = new ArrayList<>(a);
        all.addAll(b);
        checkCount(all.size(), b.get(0).get(0).position());
        return all;
    }

    private static void checkCount(long alternatives, int position) throws PatternException {
        if (alternatives > Limits.STIX_PATTERN_ALTERNATIVES) {
            throw new PatternException(position, "more than " + Limits.STIX_PATTERN_ALTERNATIVES
                    + " alternatives once AND is distributed over OR: split the indicator");
        }
    }

    private void enter(Token open) throws PatternException {
        if (++depth > Limits.STIX_PATTERN_NESTING) {
            throw new PatternException(open.position(), "nested deeper than " + Limits.STIX_PATTERN_NESTING + " levels");
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (at < tokens.size() - 1) at++;
        return t;
    }

    private void expect(String text) throws PatternException {
        Token t = next();
        if (!t.is(text) || t.kind().equals("string")) throw new PatternException(t.position(), "expected '" + text + "', found " + describe(t));
    }

    private static String describe(Token t) {
        return t.kind().equals("end") ? "the end of the pattern" : "'" + t.text() + "'";
    }

    private static List<Token> tokenize(String s) throws PatternException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("[]()*,:.".indexOf(c) >= 0) {
                out.add(new Token("punct", String.valueOf(c), i++));
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                int start = i++;
                if (i < s.length() && s.charAt(i) == '=') i++;
                else if (c == '<' && i < s.length() && s.charAt(i) == '>') i++;
                String op = s.substring(start, i);
                if (op.equals("!")) throw new PatternException(start, "'!' must be followed by '='");
                out.add(new Token("op", op.equals("<>") ? "!=" : op, start));
            } else if (c == '\'') {
                int[] end = new int[1];
                out.add(new Token("string", string(s, i, end), i));
                i = end[0];
            } else if ((c == 'h' || c == 'b' || c == 't') && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                int[] end = new int[1];
                String kind = c == 'h' ? "hex" : c == 'b' ? "binary" : "timestamp";
                out.add(new Token(kind, string(s, i + 1, end), i));
                i = end[0];
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
                out.add(new Token("number", s.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) i++;
                out.add(new Token("word", s.substring(start, i), start));
            } else {
                throw new PatternException(i, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token("end", "", s.length()));
        return out;
    }

    /** A quoted literal starting at {@code open} (a quote); {@code end[0]} is set past the closing quote. */
    private static String string(String s, int open, int[] end) throws PatternException {
        StringBuilder text = new StringBuilder();
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length() || (s.charAt(i + 1) != '\\' && s.charAt(i + 1) != '\'')) {
                    throw new PatternException(i, "only \\\\ and \\' may be escaped in a pattern string");
                }
                text.append(s.charAt(++i));
            } else if (c == '\'') {
                end[0] = i + 1;
                return text.toString();
            } else {
                text.append(c);
            }
        }
        throw new PatternException(open, "string not closed");
    }
}
