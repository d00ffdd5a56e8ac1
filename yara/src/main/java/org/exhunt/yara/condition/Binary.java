package org.exhunt.yara.condition;

/** A node with two operands, evaluated left first as libyara's stack machine does. */
abstract class Binary extends Node {

    protected final Node left;
    protected final Node right;

    protected Binary(ExprType type, Node left, Node right) {
        super(type, left, right);
        this.left = left;
        this.right = right;
    }
}
