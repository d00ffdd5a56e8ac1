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

    /** A rule's prose (its description): wrapped lines joined with spaces ({@link Printable#prose}). */
    static String prose(String value) {
        return escape(Printable.prose(value));
    }

    /** A file's place, which wraps at its separators rather than inside a name ({@link #breakable}). */
    static String path(String value) {
        return breakable(Printable.visible(value == null ? "" : value));
    }

    /** Evidence text, cut to the evidence limit, wrapping at its separators ({@link #breakable}). */
    static String evidence(String value) {
        return breakable(Printable.shorten(value));
    }

    /** The characters after which a long token of a path, URL, query or raw log line may wrap. */
    private static final String WRAP_AFTER = "/\\;&?=,.:@~|>";

    /**
     * Escaped text with a line-break opportunity ({@code <wbr>}) after each separator of a long token (folders, query
     * parameters, host names, XML elements), so that a raw line wraps between its parts rather than inside a word,
     * and a column is never squeezed below the words it holds.
     */
    static String breakable(String visible) {
        StringBuilder e = new StringBuilder(visible.length() + 32);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            escape(e, c);
            if (WRAP_AFTER.indexOf(c) >= 0 && i + 1 < visible.length() && !Character.isWhitespace(visible.charAt(i + 1))) {
                e.append("<wbr>");
            }
        }
        return e.toString();
    }

    static String escape(String s) {
        StringBuilder e = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) escape(e, s.charAt(i));
        return e.toString();
    }

    private static void escape(StringBuilder e, char c) {
        switch (c) {
            case '&' -> e.append("&amp;");
            case '<' -> e.append("&lt;");
            case '>' -> e.append("&gt;");
            case '"' -> e.append("&quot;");
            case '\'' -> e.append("&#39;");
            default -> e.append(c);
        }
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
