package org.exhunt.logs.evtx;

/**
 * What {@link TreeWalker} reports while it instantiates an event: elements with their non-empty attributes
 * and text, in document order. Empty values (null, empty strings, empty arrays) are never reported.
 */
interface EventSink {

    void startElement(String name);

    /** An attribute of the element just started; {@code value} is not empty. */
    void attribute(String name, String value);

    /**
     * Text directly inside the current element; {@code markup} when it is an entity or character
     * reference kept as written ({@code &amp;}, {@code &#38;}) rather than plain text.
     */
    void text(String text, boolean markup);

    void endElement(String name);
}
