package org.exhunt.core;

import java.util.ArrayList;
import java.util.List;

/** One line of RFC 4180 CSV split into its fields, shared by exhunt's data files (knowledge base, indicator lists). */
public final class CsvLine {

    private CsvLine() {}

    /**
     * The fields of a line: commas separate them; a field that starts with a quote runs to the closing quote, and
     * two quotes in it stand for one. Null when a quoted field is not closed.
     */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') field.append(c);
                else if (i + 1 < line.length() && line.charAt(i + 1) == '"') field.append(line.charAt(++i));
                else quoted = false;
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) return null;
        fields.add(field.toString());
        return fields;
    }
}
