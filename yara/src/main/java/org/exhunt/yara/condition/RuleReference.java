package org.exhunt.yara.condition;

/** A reference to an earlier rule: its result in this scan. */
public final class RuleReference extends Node {

    private final int rule;

    public RuleReference(int rule) {
        super(ExprType.BOOLEAN);
        this.rule = rule;
    }

    @Override
    public long evalInt(EvalContext c) {
        return c.ruleResults[rule];
    }
}
