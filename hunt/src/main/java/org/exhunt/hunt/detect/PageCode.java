package org.exhunt.hunt.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server-side code of an ASP.NET file: what IIS runs rather than sends. In a page ({@code .aspx}, {@code .ascx},
 * {@code .master}, {@code Global.asax}) and in a {@code web.config} that a handler mapping makes a page: the code
 * blocks {@code <% %>}, {@code <%= %>}, {@code <%: %>} and {@code <%# %>} (wherever they stand: inside client script
 * and HTML comments too, which ASP.NET still runs), and the content of {@code <script runat="server">}; directives
 * {@code <%@ %>}, expression builders {@code <%$ %>} and server comments {@code <%-- --%>} are not code, nor is
 * client script. An XSLT stylesheet's {@code <msxsl:script>} is code too (the stylesheet runs it when a page
 * transforms with it). In a handler or service ({@code .ashx}, {@code .asmx}, {@code .svc}) everything after the
 * directive is a class ASP.NET compiles. One pass over the text, so that any file is read in linear time.
 */
final class PageCode {

    enum Kind { PAGE, HANDLER }

    /** A stretch of code, {@code [start, end)} in the text. */
    record Region(int start, int end) {}

    private PageCode() {}

    /** How ASP.NET reads a file of this name, or empty for a file it runs no code of. */
    static Optional<Kind> kindOf(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".aspx", ".ascx", ".master", ".asax", ".config"}) {
            if (p.endsWith(ext)) return Optional.of(Kind.PAGE);
        }
        for (String ext : new String[] {".ashx", ".asmx", ".svc"}) {
            if (p.endsWith(ext)) return Optional.of(Kind.HANDLER);
        }
        return Optional.empty();
    }

    /**
     * The file's text as ASP.NET reads it: UTF-16 or UTF-8 by its byte-order mark, else one character per byte (code
     * is ASCII whatever the encoding of the rest, and offsets stay those of the bytes).
     */
    static String text(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The code regions of a file's text, in order. */
    static List<Region> regions(String t, Kind kind) {
        List<Region> out = new ArrayList<>();
        if (kind == Kind.HANDLER) {
            int directive = t.indexOf("<%@");
            int end = directive < 0 ? -1 : t.indexOf("%>", directive + 3);
            out.add(new Region(directive < 0 ? 0 : end < 0 ? t.length() : end + 2, t.length()));
            return out;
        }
        int i = 0;
        while (true) {
            i = t.indexOf('<', i);
            if (i < 0 || i + 1 >= t.length()) return out;
            if (t.charAt(i + 1) == '%') {
                i = block(t, i, out);
            } else if (startsTag(t, i, "<script")) {
                i = script(t, i, out, "</script", true);
            } else if (startsTag(t, i, "<msxsl:script")) {
                i = script(t, i, out, "</msxsl:script", false);
            } else {
                i++;
            }
        }
    }

    /** A {@code <% ... %>} at {@code i}: code unless it is a server comment, a directive or an expression builder. */
    private static int block(String t, int i, List<Region> out) {
        if (t.startsWith("<%--", i)) {
            int end = t.indexOf("--%>", i + 4);
            return end < 0 ? t.length() : end + 4;
        }
        int end = t.indexOf("%>", i + 2);
        int stop = end < 0 ? t.length() : end;
        char kind = i + 2 < t.length() ? t.charAt(i + 2) : ' ';
        if (kind != '@' && kind != '$') out.add(new Region(i + 2, stop));
        return end < 0 ? t.length() : end + 2;
    }

    /**
     * A script element at {@code i}: its content is code when the element runs on the server ({@code runat=server},
     * or always, for an XSLT script); client script is left for the scan to go on inside it, since code blocks there
     * run on the server.
     */
    private static int script(String t, int i, List<Region> out, String close, boolean needsRunat) {
        int tagEnd = t.indexOf('>', i);
        if (tagEnd < 0) return t.length();
        if (needsRunat && !runsAtServer(t, i, tagEnd)) return tagEnd + 1;
        int end = indexOfIgnoreCase(t, close, tagEnd + 1);
        out.add(new Region(tagEnd + 1, end < 0 ? t.length() : end));
        return end < 0 ? t.length() : end + close.length();
    }

    /** Whether a tag's attributes say {@code runat=server} (quoted or not, any case). */
    private static boolean runsAtServer(String t, int from, int to) {
        String tag = t.substring(from, to).toLowerCase(Locale.ROOT);
        for (int at = tag.indexOf("runat"); at >= 0; at = tag.indexOf("runat", at + 5)) {
            int j = skipSpaces(tag, at + 5);
            if (j >= tag.length() || tag.charAt(j) != '=') continue;
            j = skipSpaces(tag, j + 1);
            if (j < tag.length() && (tag.charAt(j) == '"' || tag.charAt(j) == '\'')) j++;
            if (tag.startsWith("server", j)) return true;
        }
        return false;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** Whether a tag of this name (any case) starts at {@code i}: the name followed by a space, '/' or '>'. */
    private static boolean startsTag(String t, int i, String name) {
        if (!t.regionMatches(true, i, name, 0, name.length())) return false;
        int after = i + name.length();
        return after < t.length() && (Character.isWhitespace(t.charAt(after)) || t.charAt(after) == '>' || t.charAt(after) == '/');
    }

    private static int indexOfIgnoreCase(String t, String s, int from) {
        char first = s.charAt(0);
        for (int i = t.indexOf(first, from); i >= 0; i = t.indexOf(first, i + 1)) {
            if (t.regionMatches(true, i, s, 0, s.length())) return i;
        }
        return -1;
    }
}
