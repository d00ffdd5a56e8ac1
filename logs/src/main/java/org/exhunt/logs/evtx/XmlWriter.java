package org.exhunt.logs.evtx;

/**
 * Renders an event as compact XML, the record's raw text: what keyword searches and evidence show. Text is
 * escaped as the Rust crate escapes it ({@code & < >}, and quotes in attributes); entity and character
 * references stored in the log are written as they were stored.
 */
final class XmlWriter implements EventSink {

    private final StringBuilder out = new StringBuilder(1024);
    private boolean startTagOpen;

    static String render(Fragment event) {
        XmlWriter writer = new XmlWriter();
        TreeWalker.walk(event, writer);
        return writer.out.toString();
    }

    @Override
    public void startElement(String name) {
        closeStartTag();
        out.append('<').append(name);
        startTagOpen = true;
    }

    @Override
    public void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
    }

    @Override
    public void text(String text, boolean markup) {
        closeStartTag();
        if (markup) {
            out.append(text);
        } else {
            escape(text, false);
        }
    }

    @Override
    public void endElement(String name) {
        if (startTagOpen) {
            out.append("/>");
            startTagOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append('>');
            startTagOpen = false;
        }
    }

    private void escape(String s, boolean inAttribute) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append(inAttribute ? "&quot;" : "\""); break;
                case '\'': out.append(inAttribute ? "&apos;" : "'"); break;
                default: out.append(c);
            }
        }
    }
}
