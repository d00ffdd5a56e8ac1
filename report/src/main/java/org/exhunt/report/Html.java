package org.exhunt.report;

/**
 * Writing HTML by hand, safely: every piece of text goes through {@link #text} or {@link #evidence}, which
 * escape the five characters that can end a text node or an attribute value ({@code & < > " '}) after
 * making invisible characters visible. The report never puts text into a script, a style, a URL or an
 * event-handler attribute, so these two escapes are all it needs.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Text for an element or a quoted attribute. */
    static String text(String value) {
        return escape(Printable.visible(value == null ? "" : value));
    }

    /** Evidence text, cut to the evidence limit. */
    static String evidence(String value) {
        return escape(Printable.shorten(value));
    }

    static String escape(String s) {
        StringBuilder e = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> e.append("&amp;");
                case '<' -> e.append("&lt;");
                case '>' -> e.append("&gt;");
                case '"' -> e.append("&quot;");
                case '\'' -> e.append("&#39;");
                default -> e.append(c);
            }
        }
        return e.toString();
    }

    /** Appends markup written by exhunt itself; callers escape every value they put in it. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html add(String value) {
        out.append(text(value));
        return this;
    }

    /** {@code <tag class="cls">text</tag>} with the text escaped; no class attribute when {@code cls} is null. */
    Html element(String tag, String cls, String value) {
        out.append('<').append(tag);
        if (cls != null) out.append(" class=\"").append(text(cls)).append('"');
        out.append('>').append(text(value)).append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
