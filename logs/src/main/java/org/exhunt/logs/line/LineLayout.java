package org.exhunt.logs.line;

import java.util.List;

/**
 * What the records of one header block share: their type, the file, the column names, fields the reader adds
 * from outside the line (such as {@code LogType} from an Exchange header) and how to expand packed values
 * into fields of their own. Immutable; a reader makes a new one whenever a header block changes.
 *
 * @param type      {@link org.exhunt.core.Record#type()} of the records
 * @param file      how {@link org.exhunt.core.SourceRef}s name the input
 * @param columns   the names of the values in the line, in order
 * @param constants fields added to every record, as name/value pairs (names must not repeat columns)
 * @param expander  extra fields packed inside a value (ECP's {@code S:KEY=value} EventData), or null
 */
public record LineLayout(String type, String file, FieldNames columns, List<String[]> constants, FieldExpander expander) {

    public LineLayout {
        constants = List.copyOf(constants);
    }

    String constant(String name) {
        for (String[] c : constants) if (c[0].equalsIgnoreCase(name)) return c[1];
        return null;
    }
}
