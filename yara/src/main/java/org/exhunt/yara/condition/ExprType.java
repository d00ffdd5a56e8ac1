package org.exhunt.yara.condition;

/** The types of condition expressions, as libyara's {@code EXPRESSION_TYPE_*}. */
public enum ExprType {
    BOOLEAN("boolean"), INTEGER("integer"), FLOAT("float"), STRING("string"), REGEXP("regexp"), OBJECT("object");

    /** The word libyara's messages use ("wrong type \"float\" for % operator"). */
    public final String word;

    ExprType(String word) {
        this.word = word;
    }
}
