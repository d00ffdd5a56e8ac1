package org.exhunt.yara.syntax;

/** The tokens of the rule language. Keywords are reserved words; punctuation is {@link #PUNCT}. */
public enum TokenKind {
    IDENTIFIER, STRING_IDENTIFIER, STRING_IDENTIFIER_WILDCARD, STRING_COUNT, STRING_OFFSET, STRING_LENGTH,
    NUMBER, DOUBLE, TEXT_STRING, HEX_STRING, REGEX, INTEGER_FUNCTION, INCLUDE, PUNCT, EOF,
    // keywords
    ALL, AND, ANY, ASCII, AT, BASE64, BASE64WIDE, CONDITION, CONTAINS, ENDSWITH, ENTRYPOINT, FALSE, FILESIZE,
    FOR, FULLWORD, GLOBAL, ICONTAINS, IENDSWITH, IEQUALS, IMPORT, IN, ISTARTSWITH, MATCHES, META, NOCASE, NONE,
    NOT, OF, OR, PRIVATE, RULE, STARTSWITH, STRINGS, THEM, TRUE, WIDE, XOR;

    /** The keyword spelled {@code word}, or null. */
    static TokenKind keyword(String word) {
        return switch (word) {
            case "all" -> ALL;
            case "and" -> AND;
            case "any" -> ANY;
            case "ascii" -> ASCII;
            case "at" -> AT;
            case "base64" -> BASE64;
            case "base64wide" -> BASE64WIDE;
            case "condition" -> CONDITION;
            case "contains" -> CONTAINS;
            case "endswith" -> ENDSWITH;
            case "entrypoint" -> ENTRYPOINT;
            case "false" -> FALSE;
            case "filesize" -> FILESIZE;
            case "for" -> FOR;
            case "fullword" -> FULLWORD;
            case "global" -> GLOBAL;
            case "icontains" -> ICONTAINS;
            case "iendswith" -> IENDSWITH;
            case "iequals" -> IEQUALS;
            case "import" -> IMPORT;
            case "in" -> IN;
            case "istartswith" -> ISTARTSWITH;
            case "matches" -> MATCHES;
            case "meta" -> META;
            case "nocase" -> NOCASE;
            case "none" -> NONE;
            case "not" -> NOT;
            case "of" -> OF;
            case "or" -> OR;
            case "private" -> PRIVATE;
            case "rule" -> RULE;
            case "startswith" -> STARTSWITH;
            case "strings" -> STRINGS;
            case "them" -> THEM;
            case "true" -> TRUE;
            case "wide" -> WIDE;
            case "xor" -> XOR;
            default -> null;
        };
    }
}
