package org.exhunt.yara.compile;

import org.exhunt.yara.condition.ExprType;
import org.exhunt.yara.condition.Node;
import org.exhunt.yara.condition.Values;
import org.exhunt.yara.modules.Declaration;

/**
 * A compiled sub-expression with what libyara's parser knows about it at compile time: its type, its
 * integer value when constant ({@link Values#UNDEFINED} otherwise; libyara checks divisions by zero,
 * overflows and {@code at} offsets against it), the declaration of a module object, and a printable name.
 */
record Operand(Node node, ExprType type, long value, Declaration decl, Node owner, String identifier,
        boolean literalString) {

    static Operand of(Node node, ExprType type) {
        return new Operand(node, type, Values.UNDEFINED, null, null, null, false);
    }

    static Operand constant(Node node, ExprType type, long value) {
        return new Operand(node, type, value, null, null, null, false);
    }

    static Operand object(Node node, Declaration decl, Node owner, String identifier) {
        return new Operand(node, ExprType.OBJECT, Values.UNDEFINED, decl, owner, identifier, false);
    }
}
