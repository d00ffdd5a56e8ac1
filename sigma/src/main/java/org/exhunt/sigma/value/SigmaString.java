package org.exhunt.sigma.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Sigma string value: literal text with {@code *} (any run of characters) and {@code ?} (one character)
 * wildcards, immutable. {@link #parse} applies the specification's escaping: a backslash escapes {@code *},
 * {@code ?} and itself; any other backslash is literal. So {@code \\*} is a backslash then a wildcard,
 * {@code \\\*} a backslash then a star, and {@code \\localhost\C$} the text {@code \localhost\C$}.
 */
public final class SigmaString {

    /** One piece: literal text, or a wildcard. */
    public sealed interface Part permits Literal, AnyChars, OneChar {}

    public record Literal(String text) implements Part {}

    public enum AnyChars implements Part { ANY }

    public enum OneChar implements Part { ONE }

    private final List<Part> parts;

    private SigmaString(List<Part> parts) {
        this.parts = Collections.unmodifiableList(merge(parts));
    }

    /** A value as written in a rule. */
    public static SigmaString parse(String raw) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && isEscapable(raw.charAt(i + 1))) {
                lit.append(raw.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(lit, parts);
                parts.add(c == '*' ? AnyChars.ANY : OneChar.ONE);
            } else {
                lit.append(c);
            }
        }
        flush(lit, parts);
        return new SigmaString(parts);
    }

    /** Text taken literally, without wildcards (an encoded or expanded value). */
    public static SigmaString plain(String text) {
        return new SigmaString(text.isEmpty() ? List.of() : List.of(new Literal(text)));
    }

    public static SigmaString of(List<Part> parts) {
        return new SigmaString(parts);
    }

    private static boolean isEscapable(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    private static void flush(StringBuilder lit, List<Part> parts) {
        if (lit.length() > 0) {
            parts.add(new Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    /** Joins adjacent literals and collapses runs of {@code *}, so that equal values have equal parts. */
    private static List<Part> merge(List<Part> in) {
        List<Part> out = new ArrayList<>();
        for (Part p : in) {
            Part last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (p instanceof Literal l && l.text().isEmpty()) continue;
            if (p instanceof Literal l && last instanceof Literal prev) {
                out.set(out.size() - 1, new Literal(prev.text() + l.text()));
            } else if (p == AnyChars.ANY && last == AnyChars.ANY) {
                continue;
            } else {
                out.add(p);
            }
        }
        return out;
    }

    public List<Part> parts() {
        return parts;
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> !(p instanceof Literal));
    }

    /** The text of a value without wildcards. */
    public String plainText() {
        if (hasWildcards()) throw new IllegalStateException("value has wildcards: " + this);
        return parts.isEmpty() ? "" : ((Literal) parts.get(0)).text();
    }

    /** This value with {@code *} before and/or after it (the contains, startswith and endswith modifiers). */
    public SigmaString surround(boolean before, boolean after) {
        List<Part> p = new ArrayList<>();
        if (before) p.add(AnyChars.ANY);
        p.addAll(parts);
        if (after) p.add(AnyChars.ANY);
        return new SigmaString(p);
    }

    /** The longest literal run, which every matching text must contain; empty when there is none. */
    public String longestLiteral() {
        String best = "";
        for (Part p : parts) {
            if (p instanceof Literal l && l.text().length() > best.length()) best = l.text();
        }
        return best;
    }

    /** The value written back in Sigma's escaped form; parsing it gives this value again. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            if (p == AnyChars.ANY) s.append('*');
            else if (p == OneChar.ONE) s.append('?');
            else {
                for (char c : ((Literal) p).text().toCharArray()) {
                    if (isEscapable(c)) s.append('\\');
                    s.append(c);
                }
            }
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaString other && other.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
