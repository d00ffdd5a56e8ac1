package org.exhunt.sigma.rule;

/**
 * Why a rule cannot be loaded, with a stable code and the line (1-based, 0 when unknown) in the rule's file.
 * Codes: {@code sigma.yaml}, {@code sigma.rule}, {@code sigma.condition}, {@code sigma.modifier}, {@code sigma.correlation}, {@code sigma.filter}.
 */
public final class RuleException extends Exception {

    public static final String YAML = "sigma.yaml";
    public static final String STRUCTURE = "sigma.rule";
    public static final String CONDITION = "sigma.condition";
    public static final String MODIFIER = "sigma.modifier";
    public static final String CORRELATION = "sigma.correlation";
    public static final String FILTER = "sigma.filter";

    private final String code;
    private final int line;

    public RuleException(String code, int line, String message) {
        super(message);
        this.code = code;
        this.line = line;
    }

    public String code() {
        return code;
    }

    public int line() {
        return line;
    }
}
