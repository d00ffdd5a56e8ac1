package org.exhunt.yara.condition;

/** A node with one operand. */
abstract class Unary extends Node {

    protected final Node operand;

    protected Unary(ExprType type, Node operand) {
        super(type, operand);
        this.operand = operand;
    }
}
