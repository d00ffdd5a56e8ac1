package org.exhunt.yara.regex;

/**
 * Byte classes as libyara sees them: ASCII only, whatever the platform's locale ({@code isalnum},
 * {@code isdigit}, {@code yr_lowercase}, {@code yr_altercase} in the C locale).
 */
public final class Chars {

    private Chars() {}

    /** {@code b} (0..255) lower-cased if it is an ASCII capital letter. */
    public static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** {@code b} with its ASCII letter case swapped; other bytes unchanged. */
    public static int alterCase(int b) {
        if (b >= 'A' && b <= 'Z') return b + 32;
        if (b >= 'a' && b <= 'z') return b - 32;
        return b;
    }

    public static boolean isAsciiLetter(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    public static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /** C's {@code isalnum}: the neighbours that make a {@code fullword} match fail. */
    public static boolean isAlnum(int b) {
        return isAsciiLetter(b) || isDigit(b);
    }

    /** A regex word character ({@code \w}, {@code \b}): alphanumeric or underscore. */
    public static boolean isWordChar(int b) {
        return isAlnum(b) || b == '_';
    }

    /** A regex space ({@code \s}): space, tab, CR, LF, vertical tab, form feed. */
    public static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0x0B || b == 0x0C;
    }
}
