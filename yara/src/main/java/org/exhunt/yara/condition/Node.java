package org.exhunt.yara.condition;

/**
 * A compiled expression. Each subclass implements the evaluation matching its {@link #type}: integers and
 * booleans {@link #evalInt}, floats {@link #evalFloat}, strings {@link #evalString}, module objects {@link
 * #evalObject}. {@link #evalBool} gives the value a condition tests, as on libyara's stack: integers as they
 * are, floats by their bits, strings as "not empty".
 */
public abstract class Node {

    public final ExprType type;
    /**
     * Nodes on the longest path from this one down to a leaf: how deeply its evaluation recurses. The parser
     * bounds it as libyara's does (chains of {@code and}, {@code or} and arithmetic are one level each).
     */
    public final int depth;

    /** A node over {@code children} (those it evaluates; nulls are left out). */
    protected Node(ExprType type, Node... children) {
        this.type = type;
        int deepest = 0;
        for (Node child : children) if (child != null) deepest = Math.max(deepest, child.depth);
        this.depth = deepest + 1;
    }

    /** {@code nodes} and {@code more} in one array, for a node with a list of children and some others. */
    protected static Node[] with(Node[] nodes, Node... more) {
        Node[] all = java.util.Arrays.copyOf(nodes, nodes.length + more.length);
        System.arraycopy(more, 0, all, nodes.length, more.length);
        return all;
    }

    public long evalInt(EvalContext c) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is " + type);
    }

    public double evalFloat(EvalContext c) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is " + type);
    }

    public byte[] evalString(EvalContext c) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is " + type);
    }

    public Object evalObject(EvalContext c) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is " + type);
    }

    /**
     * Strings of which at least one must have a match for this node to be true (without any, its value is
     * false, zero or undefined), or null when it may be true without matches. A scan skips a rule whose
     * condition requires strings none of which matched: the result is the same, the evaluation is saved.
     */
    public int[] requiredStrings() {
        return null;
    }

    /** The value a boolean context sees: undefined, zero (false) or not zero (true). */
    public long evalBool(EvalContext c) {
        return switch (type) {
            case BOOLEAN, INTEGER -> evalInt(c);
            case FLOAT -> Double.doubleToRawLongBits(evalFloat(c));
            case STRING -> {
                byte[] s = evalString(c);
                yield s == null ? Values.UNDEFINED : Values.of(s.length > 0);
            }
            default -> throw new UnsupportedOperationException(type + " in a boolean context");
        };
    }
}
