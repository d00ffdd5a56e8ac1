package org.exhunt.logs.evtx;

import org.exhunt.core.Limits;

/**
 * Instantiates an event: walks its fragment, fills each template's substitutions from the instance's
 * values, descends into nested binary XML values, and repeats an element once per item of an array value
 * found directly in it ([MS-EVEN6] array types; the Rust crate and libevtx do the same). Reports the result
 * to an {@link EventSink}. Nesting, elements and text are capped ({@link Limits}): a template can repeat
 * its values, so a small hostile record could otherwise expand without bound.
 */
final class TreeWalker {

    private static final Object[] NO_VALUES = new Object[0];

    private final EventSink sink;
    private int elements;
    private long chars;
    private boolean truncated;

    private TreeWalker(EventSink sink) {
        this.sink = sink;
    }

    /** Walks a whole event; returns whether it was cut by a cap. */
    static boolean walk(Fragment event, EventSink sink) {
        TreeWalker walker = new TreeWalker(sink);
        walker.nodes(event.nodes(), NO_VALUES, 0);
        return walker.truncated;
    }

    private void nodes(Node[] nodes, Object[] values, int depth) {
        for (Node node : nodes) {
            if (node instanceof Node.Element e) {
                element(e, values, depth);
            } else if (node instanceof Node.TemplateInstance t) {
                nodes(t.template().nodes(), t.values(), depth);
            }
            // text or references outside any element, and processing instructions, belong to no field
        }
    }

    private void element(Node.Element e, Object[] values, int depth) {
        if (depth >= Limits.EVTX_NESTING_DEPTH || elements >= Limits.EVTX_ELEMENTS_PER_RECORD) {
            truncated = true;
            return;
        }
        int array = expandableArray(e, values);
        if (array < 0) {
            emit(e, values, depth);
            return;
        }
        Object[] bound = values.clone();
        for (String item : (String[]) values[array]) {
            bound[array] = item;
            element(e, bound, depth);
        }
    }

    /** The index of the first value with several items substituted directly in the element, or -1. */
    private static int expandableArray(Node.Element e, Object[] values) {
        for (int index : e.substitutions()) {
            if (index < values.length && values[index] instanceof String[] items && items.length > 1) return index;
        }
        return -1;
    }

    private void emit(Node.Element e, Object[] values, int depth) {
        elements++;
        sink.startElement(e.name());
        for (Node.Attribute a : e.attributes()) {
            String value = attributeText(a.value(), values);
            if (!value.isEmpty() && withinTextCap(value)) sink.attribute(a.name(), value);
        }
        for (Node child : e.children()) {
            if (child instanceof Node.Element c) {
                element(c, values, depth + 1);
            } else if (child instanceof Node.Substitution s) {
                substitution(s, values, depth);
            } else if (child instanceof Node.Text t) {
                if (!t.text().isEmpty() && withinTextCap(t.text())) sink.text(t.text(), false);
            } else if (child instanceof Node.CharRef r) {
                sink.text("&#" + r.code() + ";", true);
            } else if (child instanceof Node.EntityRef r) {
                sink.text("&" + r.name() + ";", true);
            }
        }
        sink.endElement(e.name());
    }

    private void substitution(Node.Substitution s, Object[] values, int depth) {
        if (s.index() >= values.length) return;
        Object value = values[s.index()];
        if (value instanceof Fragment f) {
            nodes(f.nodes(), NO_VALUES, depth + 1);
        } else {
            String text = text(value);
            if (!text.isEmpty() && withinTextCap(text)) sink.text(text, false);
        }
    }

    /** Counts text against {@link Limits#EVTX_TEXT_PER_RECORD}; past it, nothing more is reported. */
    private boolean withinTextCap(String text) {
        chars += text.length();
        if (chars <= Limits.EVTX_TEXT_PER_RECORD) return true;
        truncated = true;
        return false;
    }

    private static String attributeText(Node[] parts, Object[] values) {
        if (parts.length == 1) return partText(parts[0], values);
        StringBuilder s = new StringBuilder();
        for (Node part : parts) s.append(partText(part, values));
        return s.toString();
    }

    private static String partText(Node part, Object[] values) {
        if (part instanceof Node.Text t) return t.text();
        if (part instanceof Node.Substitution s) return s.index() < values.length ? text(values[s.index()]) : "";
        if (part instanceof Node.CharRef r) return "&#" + r.code() + ";";
        if (part instanceof Node.EntityRef r) return "&" + r.name() + ";";
        return "";
    }

    /** A value's text; binary XML has none outside element content, several items join with commas. */
    private static String text(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof String[] items) return String.join(",", items);
        return "";
    }
}
