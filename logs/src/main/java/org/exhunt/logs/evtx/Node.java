package org.exhunt.logs.evtx;

/**
 * One node of parsed binary XML: a template definition's tree, or a record's own content. Nodes are
 * immutable and hold no reference to the chunk's bytes, so records can outlive their chunk.
 */
sealed interface Node {

    /** {@code <name attrs>children</name>}. */
    record Element(String name, Attribute[] attributes, Node[] children) implements Node {}

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
