package org.exhunt.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.CsvLine;

/**
 * The CSV of the knowledge-base files (RFC 4180 quoting, one record per line): leading {@code #} lines are
 * comments, the first other line is the header. Every record must have the header's number of fields.
 */
final class Csv {

    /** One record: its fields by column name, and its line for messages. */
    record Line(String file, int number, Map<String, String> fields) {

        String get(String column) {
            String v = fields.get(column);
            if (v == null) throw new KbDataException(file, number, "no column '" + column + "'");
            return v;
        }

        KbDataException error(String message) {
            return new KbDataException(file, number, message);
        }
    }

    private Csv() {}

    static List<Line> read(String file, String text) {
        List<Line> out = new ArrayList<>();
        List<String> header = null;
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            if (raw.isBlank() || (header == null && raw.startsWith("#"))) continue;
            List<String> fields = split(file, number, raw);
            if (header == null) {
                header = fields;
                continue;
            }
            if (fields.size() != header.size()) {
                throw new KbDataException(file, number, "expected " + header.size() + " fields, found " + fields.size());
            }
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) byName.put(header.get(i), fields.get(i));
            out.add(new Line(file, number, byName));
        }
        if (header == null) throw new KbDataException(file, 0, "empty: no header line");
        return out;
    }

    private static List<String> split(String file, int number, String line) {
        List<String> fields = CsvLine.split(line);
        if (fields == null) throw new KbDataException(file, number, "unterminated quoted field");
        return fields;
    }
}
