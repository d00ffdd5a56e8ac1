package org.exhunt.logs.evtx;

/**
 * A template definition: the shape of an event with substitution placeholders, defined once per chunk and
 * referenced by the chunk offset of its definition.
 *
 * @param guid  the template identifier, as {@code ValueText} renders GUIDs
 * @param nodes the definition's content (normally a single {@code Event} element)
 */
record Template(String guid, Node[] nodes) {}
