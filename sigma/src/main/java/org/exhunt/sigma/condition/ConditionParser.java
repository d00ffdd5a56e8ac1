package org.exhunt.sigma.condition;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Limits;

/**
 * Parses a Sigma condition by recursive descent. Entry point: {@link #parse(String)}. Binding, weakest first:
 * {@code or}, {@code and}, {@code not}, {@code x of pattern}, parentheses. Operators are case-insensitive.
 * The pre-2.0 aggregation form ({@code ... | count() > 5}) is rejected with a pointer to correlation rules.
 * Nesting is bounded ({@link Limits#SIGMA_CONDITION_NESTING}), so a hostile condition cannot exhaust the stack.
 */
public final class ConditionParser {

    private final String text;
    private final List<Token> tokens;
    private int pos;
    private int depth;   // parentheses and nots open around the current term

    private record Token(String text, int offset) {
        boolean is(String word) {
            return text.equalsIgnoreCase(word);
        }
    }

    private ConditionParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static Condition parse(String text) throws ConditionException {
        if (text.length() > Limits.SIGMA_CONDITION_CHARS) {
            throw new ConditionException("condition longer than " + Limits.SIGMA_CONDITION_CHARS + " characters", 0);
        }
        ConditionParser p = new ConditionParser(text, tokenize(text));
        if (p.tokens.isEmpty()) throw new ConditionException("empty condition", 0);
        Condition c = p.or();
        if (p.pos < p.tokens.size()) {
            Token t = p.tokens.get(p.pos);
            throw new ConditionException("unexpected '" + t.text + "'", t.offset);
        }
        return c;
    }

    private static List<Token> tokenize(String s) throws ConditionException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(String.valueOf(c), i++));
            } else if (c == '|') {
                throw new ConditionException("aggregation expressions ('| count() ...') are Sigma 1.x syntax;"
                        + " write a correlation rule instead", i);
            } else if (isNameChar(c)) {
                int start = i;
                while (i < s.length() && isNameChar(s.charAt(i))) i++;
                out.add(new Token(s.substring(start, i), start));
            } else {
                throw new ConditionException("unexpected character '" + c + "'", i);
            }
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    private Condition or() throws ConditionException {
        List<Condition> terms = new ArrayList<>(List.of(and()));
        while (peek("or")) {
            pos++;
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.Or(List.copyOf(terms));
    }

    private Condition and() throws ConditionException {
        List<Condition> terms = new ArrayList<>(List.of(not()));
        while (peek("and")) {
            pos++;
            terms.add(not());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.And(List.copyOf(terms));
    }

    private Condition not() throws ConditionException {
        if (peek("not")) {
            enter(tokens.get(pos++));
            Condition c = new Condition.Not(not());
            depth--;
            return c;
        }
        return primary();
    }

    /** One level deeper, within {@link Limits#SIGMA_CONDITION_NESTING}: every level is a call of its own. */
    private void enter(Token t) throws ConditionException {
        if (++depth > Limits.SIGMA_CONDITION_NESTING) {
            throw new ConditionException("nested deeper than " + Limits.SIGMA_CONDITION_NESTING + " levels of parentheses and 'not'", t.offset);
        }
    }

    private Condition primary() throws ConditionException {
        Token t = next("a search identifier, 'not', 'N of' or '('");
        if (t.text.equals("(")) {
            enter(t);
            Condition inner = or();
            depth--;
            Token close = next("')'");
            if (!close.text.equals(")")) throw new ConditionException("expected ')' but found '" + close.text + "'", close.offset);
            return inner;
        }
        if (t.text.equals(")") || isOperator(t)) {
            throw new ConditionException("expected a search identifier but found '" + t.text + "'", t.offset);
        }
        if (peek("of")) {
            pos++;
            int count = quantity(t);
            Token target = next("a search identifier pattern or 'them' after 'of'");
            if (target.text.equals("(") || target.text.equals(")") || isOperator(target)) {
                throw new ConditionException("expected a search identifier pattern or 'them' after 'of'", target.offset);
            }
            return new Condition.Of(count, target.is("them") ? "them" : target.text);
        }
        if (t.text.indexOf('*') >= 0) {
            throw new ConditionException("wildcard '" + t.text + "' is only allowed after 'N of'", t.offset);
        }
        return new Condition.Ref(t.text);
    }

    private static int quantity(Token t) throws ConditionException {
        if (t.is("all")) return Condition.Of.ALL;
        if (t.is("any")) return 1;
        try {
            int n = Integer.parseInt(t.text);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConditionException("expected a number, 'all' or 'any' before 'of' but found '" + t.text + "'", t.offset);
    }

    private static boolean isOperator(Token t) {
        return t.is("and") || t.is("or") || t.is("not") || t.is("of");
    }

    private boolean peek(String word) {
        return pos < tokens.size() && tokens.get(pos).is(word);
    }

    private Token next(String expected) throws ConditionException {
        if (pos >= tokens.size()) throw new ConditionException("expected " + expected + " at the end", text.length());
        return tokens.get(pos++);
    }
}
