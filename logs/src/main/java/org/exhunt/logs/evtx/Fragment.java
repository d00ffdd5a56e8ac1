package org.exhunt.logs.evtx;

/**
 * A binary XML fragment: a record's event, or a value of type binary XML nested in another event's
 * values. Its nodes are normally one {@link Node.TemplateInstance}, sometimes plain elements.
 */
record Fragment(Node[] nodes) {}
