package org.exhunt.yara;

/**
 * Stable codes for compile errors and warnings, after libyara's {@code error.h} names. The {@link #id}
 * ({@code yara.syntax_error}) is what diagnostics and reports carry; it never changes once released.
 */
public enum ErrorCode {
    SYNTAX_ERROR,
    DUPLICATED_IDENTIFIER,
    DUPLICATED_TAG_IDENTIFIER,
    DUPLICATED_STRING_IDENTIFIER,
    DUPLICATED_LOOP_IDENTIFIER,
    DUPLICATED_MODIFIER,
    DUPLICATED_EXTERNAL_VARIABLE,
    UNREFERENCED_STRING,
    UNDEFINED_STRING,
    UNDEFINED_IDENTIFIER,
    MISPLACED_ANONYMOUS_STRING,
    INCLUDES_CIRCULAR_REFERENCE,
    INCLUDE_DEPTH_EXCEEDED,
    COULD_NOT_OPEN_FILE,
    WRONG_TYPE,
    INVALID_FIELD_NAME,
    UNKNOWN_MODULE,
    NOT_A_STRUCTURE,
    NOT_INDEXABLE,
    NOT_A_FUNCTION,
    WRONG_ARGUMENTS,
    EMPTY_STRING,
    DIVISION_BY_ZERO,
    INVALID_REGULAR_EXPRESSION,
    INVALID_HEX_STRING,
    REGULAR_EXPRESSION_TOO_LARGE,
    REGULAR_EXPRESSION_TOO_COMPLEX,
    INVALID_MODIFIER,
    INTEGER_OVERFLOW,
    INVALID_OPERAND,
    INVALID_VALUE,
    INVALID_PERCENTAGE,
    LOOP_NESTING_LIMIT_EXCEEDED,
    NESTED_FOR_OF_LOOP,
    TOO_MANY_STRINGS,
    INVALID_EXTERNAL_VARIABLE_TYPE,
    /** A warning: a string whose best atom is poor (libyara's "may slow down scanning"). */
    SLOW_STRING,
    /** A warning: a regex with {@code .*}, {@code .+} or <code>.{n,}</code>. */
    UNBOUNDED_DOT,
    /** A warning: a literal string used as a boolean. */
    LITERAL_STRING_AS_BOOLEAN,
    /** A warning: a set quantifier larger than the set. */
    EXPRESSION_ALWAYS_FALSE,
    /** A warning: the deprecated {@code entrypoint} keyword. */
    DEPRECATED;

    /** {@code yara.} and the lower-case name: the stable identifier. */
    public final String id = "yara." + name().toLowerCase(java.util.Locale.ROOT);
}
