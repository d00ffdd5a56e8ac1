package org.exhunt.yara.syntax;

/**
 * A string declaration: {@code $id = "text" modifiers}, {@code $id = /regex/i modifiers} or
 * {@code $id = { hex } modifiers}. For text, {@code value} is the decoded bytes; for a regex, its body (with
 * {@code regexFlags} 1 = /i, 2 = /s); for hex, the raw token including the braces.
 */
public record StringDecl(String id, Kind kind, byte[] value, int regexFlags, Modifiers modifiers, SourcePos pos) {

    public enum Kind { TEXT, REGEX, HEX }

    public boolean isAnonymous() {
        return id.equals("$");
    }
}
