package org.exhunt.yara.syntax;

/**
 * One token. {@code text} is the identifier, the punctuation, the integer-function name, or the raw hex
 * string; {@code bytes} holds the decoded value of a text string or the body of a regex; {@code number} an
 * integer (or the flags of a regex: 1 = /i, 2 = /s); {@code real} a floating-point literal.
 */
public record Token(TokenKind kind, String text, byte[] bytes, long number, double real, SourcePos pos) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    public boolean isPunct(String p) {
        return kind == TokenKind.PUNCT && text.equals(p);
    }

    /** How a syntax error names this token. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case IDENTIFIER -> "identifier \"" + text + "\"";
            case NUMBER -> "integer number";
            case DOUBLE -> "floating point number";
            case TEXT_STRING -> "text string";
            case HEX_STRING -> "hex string";
            case REGEX -> "regular expression";
            case STRING_IDENTIFIER, STRING_IDENTIFIER_WILDCARD -> "string identifier";
            case STRING_COUNT -> "string count";
            case STRING_OFFSET -> "string offset";
            case STRING_LENGTH -> "string length";
            case INTEGER_FUNCTION -> "integer function";
            case PUNCT -> "'" + text + "'";
            default -> "<" + text + ">";
        };
    }
}
