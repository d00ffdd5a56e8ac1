package org.exhunt.yara.regex;

import java.util.List;

/**
 * A parsed regex or hex string: the root node and what the parser learnt about the whole pattern.
 * Nodes are created through {@link #node} so that each has a small id for the emitter's tables.
 */
public final class RegexAst {

    private int nextId;
    private RegexNode root;
    /** Some quantifier is greedy / lazy: libyara refuses patterns that mix both. */
    boolean hasGreedy;
    boolean hasUngreedy;
    /**
     * A hex string without alternatives, which libyara runs with its simpler position-list matcher
     * ({@link FastHexVm}) instead of the general one.
     */
    boolean fast;

    RegexNode node(RegexNode.Kind kind) {
        return new RegexNode(kind, nextId++);
    }

    public RegexNode root() {
        return root;
    }

    void setRoot(RegexNode root) {
        this.root = root;
    }

    public int nodeCount() {
        return nextId;
    }

    public boolean hasGreedy() {
        return hasGreedy;
    }

    public boolean hasUngreedy() {
        return hasUngreedy;
    }

    public boolean isFast() {
        return fast;
    }

    /**
     * The bytes of a pattern that is only a sequence of literals ({@code /abc/}, <code>{ 41 42 }</code>),
     * which libyara then searches as a plain text string; null otherwise.
     */
    public byte[] literal() {
        if (root.kind == RegexNode.Kind.LITERAL) return new byte[] {(byte) root.value};
        if (root.kind != RegexNode.Kind.CONCAT) return null;
        byte[] bytes = new byte[root.children.size()];
        for (int i = 0; i < bytes.length; i++) {
            RegexNode child = root.children.get(i);
            if (child.kind != RegexNode.Kind.LITERAL) return null;
            bytes[i] = (byte) child.value;
        }
        return bytes;
    }

    /** Whether the pattern uses {@code .*}, {@code .+} or {@code .{n,}} at its top level (a slow regex). */
    public boolean hasUnboundedDot() {
        return unboundedDot(root);
    }

    private static boolean unboundedDot(RegexNode n) {
        if ((n.kind == RegexNode.Kind.STAR || n.kind == RegexNode.Kind.PLUS)
                && n.children.get(0).kind == RegexNode.Kind.ANY) return true;
        if (n.kind == RegexNode.Kind.RANGE_ANY && n.end == RegexNode.MAX_RANGE) return true;
        if (n.kind == RegexNode.Kind.CONCAT) {
            for (int i = n.children.size() - 1; i >= 0; i--) {
                if (unboundedDot(n.children.get(i))) return true;
            }
        }
        return false;
    }

    /**
     * Splits a long gap out of the pattern, as libyara's {@code yr_re_ast_split_at_chaining_point}: the first
     * hex jump whose bounds exceed {@link HexParser#CHAINING_THRESHOLD} in the top-level sequence cuts the
     * pattern in two. This pattern keeps the part before the jump; the part after is returned (null when there
     * is no such jump), and {@code gap} receives the jump's bounds.
     */
    public RegexAst splitAtChainingPoint(int[] gap) {
        if (root.kind != RegexNode.Kind.CONCAT) return null;
        List<RegexNode> children = root.children;
        for (int i = 1; i < children.size() - 1; i++) {
            RegexNode child = children.get(i);
            if (!child.greedy && child.kind == RegexNode.Kind.RANGE_ANY
                    && (child.start > HexParser.CHAINING_THRESHOLD || child.end > HexParser.CHAINING_THRESHOLD)) {
                RegexAst rest = new RegexAst();
                RegexNode concat = node(RegexNode.Kind.CONCAT);
                concat.children.addAll(children.subList(i + 1, children.size()));
                rest.setRoot(concat);
                rest.hasGreedy = hasGreedy;
                rest.hasUngreedy = hasUngreedy;
                rest.fast = fast;
                rest.nextId = nextId;
                gap[0] = child.start;
                gap[1] = child.end;
                children.subList(i, children.size()).clear();
                return rest;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.valueOf(root);
    }
}
