package org.exhunt.logs.evtx;

import java.util.Arrays;

/**
 * One node of parsed binary XML: a template definition's tree, or a record's own content. Nodes are
 * immutable and hold no reference to the chunk's bytes, so records can outlive their chunk.
 */
sealed interface Node {

    /**
     * {@code <name attrs>children</name>}; {@code substitutions} lists the value indexes substituted directly
     * in its attributes and children, the only places an array value can repeat it.
     */
    record Element(String name, Attribute[] attributes, Node[] children, int[] substitutions) implements Node {

        Element(String name, Attribute[] attributes, Node[] children) {
            this(name, attributes, children, directSubstitutions(attributes, children));
        }

        private static int[] directSubstitutions(Attribute[] attributes, Node[] children) {
            int n = 0;
            int[] found = new int[4];
            for (Node child : children) {
                if (child instanceof Substitution s) found = add(found, n++, s.index());
            }
            for (Attribute a : attributes) {
                for (Node part : a.value()) {
                    if (part instanceof Substitution s) found = add(found, n++, s.index());
                }
            }
            return Arrays.copyOf(found, n);
        }

        private static int[] add(int[] found, int at, int index) {
            int[] out = at < found.length ? found : Arrays.copyOf(found, found.length * 2);
            out[at] = index;
            return out;
        }
    }

    /** An attribute; its value is a sequence of text, substitution and reference nodes. */
    record Attribute(String name, Node[] value) {}

    /** Literal text (a value token or a CDATA section). */
    record Text(String text) implements Node {}

    /** A placeholder for the {@code index}th value of the template instance ({@code optional}: 0x0e token). */
    record Substitution(int index, int type, boolean optional) implements Node {}

    /** {@code &#code;}, kept as written, as the Rust crate's JSON does. */
    record CharRef(int code) implements Node {}

    /** {@code &name;}, kept as written. */
    record EntityRef(String name) implements Node {}

    /** {@code <?target data?>}; not part of any field. */
    record ProcessingInstruction(String target, String data) implements Node {}

    /** A template applied to one record's values ({@link ValueDecoder} says what a value can be). */
    record TemplateInstance(Template template, Object[] values) implements Node {}
}
