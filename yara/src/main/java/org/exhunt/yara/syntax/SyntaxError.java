package org.exhunt.yara.syntax;

/**
 * A lexical or grammatical error at a position, with libyara's message text and, like libyara, the rule
 * being parsed when it happened (null outside a rule's body).
 */
public final class SyntaxError extends Exception {

    private static final long serialVersionUID = 1L;

    private final SourcePos pos;
    private final String rule;

    public SyntaxError(String message, SourcePos pos) {
        this(message, pos, null);
    }

    private SyntaxError(String message, SourcePos pos, String rule) {
        super(message);
        this.pos = pos;
        this.rule = rule;
    }

    public SourcePos pos() {
        return pos;
    }

    public String rule() {
        return rule;
    }

    /** This error, said to have happened in {@code ruleName}. */
    SyntaxError inRule(String ruleName) {
        return rule != null || ruleName == null ? this : new SyntaxError(getMessage(), pos, ruleName);
    }
}
