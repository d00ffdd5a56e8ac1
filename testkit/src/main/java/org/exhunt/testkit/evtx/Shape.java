package org.exhunt.testkit.evtx;

import java.util.List;

/**
 * The writer's picture of a template: elements, literal text and numbered slots that each record fills
 * with its values. Its {@code toString()} is deterministic, so it also serves as the template's identity
 * (two events share a template when their shapes print the same).
 */
final class Shape {

    private Shape() {}

    sealed interface Node permits Element, Text, Slot {}

    record Element(String name, List<Attribute> attributes, List<Node> children) implements Node {}

    record Attribute(String name, Node value) {}

    record Text(String text) implements Node {}

    /** Substitution {@code index} of value type {@code type}; an optional one may be given no value. */
    record Slot(int index, int type, boolean optional) implements Node {}

    /** A template shape and one record's values for it: {@link EvtxValue}s, or nested instances (binary XML). */
    record Instance(Element root, Object[] values) {

        String key() {
            return root.toString();
        }
    }
}
