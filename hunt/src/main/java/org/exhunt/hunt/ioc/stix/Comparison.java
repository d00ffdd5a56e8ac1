package org.exhunt.hunt.ioc.stix;

import java.util.List;

/**
 * One comparison of a STIX pattern: {@code file:hashes.'SHA-256' = '…'}.
 *
 * @param objectType the object type ({@code file}, {@code ipv4-addr})
 * @param property   the property path after the colon, its steps joined by '.' as written without quotes
 *                   ({@code hashes.SHA-256}, {@code parent_directory_ref.path})
 * @param negated    whether {@code NOT} stood before the operator
 * @param operator   {@code =}, {@code !=}, {@code IN}, {@code LIKE}, {@code MATCHES}, {@code ISSUBSET}, ...
 * @param values     the value, or the values of an {@code IN} list, as written (strings unquoted and unescaped)
 * @param position   where the comparison starts in the pattern (0-based character offset)
 */
public record Comparison(String objectType, String property, boolean negated, String operator, List<Literal> values,
                         int position) {

    /** A literal of a pattern: its kind ({@code string}, {@code int}, {@code float}, {@code bool}, {@code hex},
     * {@code binary}, {@code timestamp}) and its text. */
    public record Literal(String kind, String text) {

        /** As written in a pattern: {@code 'text'}, {@code h'00ff'}, {@code 42}. */
        @Override
        public String toString() {
            return switch (kind) {
                case "string" -> "'" + text + "'";
                case "hex" -> "h'" + text + "'";
                case "binary" -> "b'" + text + "'";
                case "timestamp" -> "t'" + text + "'";
                default -> text;
            };
        }
    }

    /** {@code file:hashes.SHA-256 = 'ab…'}, for messages and tests. */
    @Override
    public String toString() {
        return objectType + ":" + property + (negated ? " NOT " : " ") + operator + " "
                + String.join(", ", values.stream().map(Literal::toString).toList());
    }
}
