package org.exhunt.testkit.evtx;

import java.util.List;

/**
 * The writer's picture of a template: elements, literal text and numbered slots that each record fills
 * with its values. {@link Instance#key()} prints it deterministically: two events share a template when
 * their shapes print the same.
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
            StringBuilder key = new StringBuilder(512);
            print(root, key);
            return key.toString();
        }

        private static void print(Node node, StringBuilder key) {
            if (node instanceof Element e) {
                key.append('<').append(e.name());
                for (Attribute a : e.attributes()) {
                    key.append(' ').append(a.name()).append('=');
                    print(a.value(), key);
                }
                key.append('>');
                for (Node child : e.children()) print(child, key);
                key.append("</>");
            } else if (node instanceof Text t) {
                key.append('"').append(t.text().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                Slot s = (Slot) node;
                key.append('%').append(s.index()).append(':').append(s.type()).append(s.optional() ? "?" : "");
            }
        }
    }
}
