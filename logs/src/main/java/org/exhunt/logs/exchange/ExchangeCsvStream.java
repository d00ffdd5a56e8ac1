package org.exhunt.logs.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.exhunt.core.Record;
import org.exhunt.logs.LogLimits;
import org.exhunt.logs.Problems;
import org.exhunt.logs.line.FieldExpander;
import org.exhunt.logs.line.FieldNames;
import org.exhunt.logs.line.LineLayout;
import org.exhunt.logs.line.LineRecord;
import org.exhunt.logs.line.LineStream;
import org.exhunt.logs.text.CsvSplitter;
import org.exhunt.logs.text.Times;
import org.exhunt.logs.text.Values;

/**
 * Reads one Exchange log-writer CSV log. The header comes as a {@code #Software / #Version / #Log-type /
 * #Date / #Fields} block, possibly after a bare CSV header line, and may come again mid-file; columns are
 * bound by the latest header, by name, never by position. Values follow RFC 4180 (a quoted value may span
 * lines). Records carry the columns as written plus {@code LogType} ({@code #Log-type}), {@code LogVersion}
 * ({@code #Version}) and, for HttpProxy, {@code LogFolder} (the protocol folder, from the file's path).
 * ECP records also get each {@code S:KEY=value} pair of {@code EventData} as field {@code KEY}.
 *
 * <p>Diagnostic codes: {@code exchange.assumed-fields} (WARNING: no header; the kind's usual columns
 * assumed, the count matching), {@code csv.no-header} (ERROR: no header to bind a line to; skipped),
 * {@code csv.column-count} (ERROR: fewer values than columns, kept with the rest absent when the line still
 * starts with its time, else skipped; more, skipped),
 * {@code csv.unterminated-quote} (ERROR: a quote that does not close within
 * {@link LogLimits#MAX_LINES_PER_RECORD} lines; the line is read as if it closed at its end),
 * {@code log.bad-time} (WARNING: record kept without a time).
 */
final class ExchangeCsvStream extends LineStream {

    private static final List<String> TIME_COLUMNS = List.of("DateTime", "date-time", "TimeStamp", "MyTimeStamp");

    private final ExchangeLogKind kind;
    private final String logFolder;
    private final int[] scratch = new int[2 * LogLimits.MAX_FIELDS];
    private FieldNames columns;
    private String logType;
    private String logVersion;
    private LineLayout layout;
    private int timeIndex = -1;
    private boolean assumed;

    ExchangeCsvStream(ExchangeLogKind kind, String file, InputStream in, Problems problems) {
        super(file, in, problems);
        this.kind = kind;
        this.logFolder = kind == ExchangeLogKind.HTTPPROXY ? protocolFolder(file) : null;
    }

    @Override
    protected Record parse() throws IOException {
        if (lines.length() == 0) return null;
        if (lines.bytes()[lines.start()] == '#') {
            directive();
            return null;
        }
        int n = split();
        byte[] b = lines.bytes();
        int s = lines.start();
        if (n > 0 && isHeader(b, s, n)) {
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) names.add(Values.decode(b, scratch, i).trim());
            bind(new FieldNames(names));
            return null;
        }
        if (columns == null && !assume(n)) return null;
        int expected = columns.size();
        if (n == CsvSplitter.TOO_MANY || n > expected) {
            problems.error("csv.column-count", lines.number(), "line not read: "
                    + (n < 0 ? "more than " + LogLimits.MAX_FIELDS : n) + " values, but the header names " + expected);
            return null;
        }
        Instant time = null;
        boolean hasTime = timeIndex >= 0 && timeIndex < n && !Values.absent(scratch, timeIndex);
        if (hasTime) {
            int ts = scratch[timeIndex * 2];
            time = Times.iso(b, s + (ts < 0 ? ~ts : ts), s + scratch[timeIndex * 2 + 1]);
        }
        if (n < expected) {
            if (time == null && timeIndex >= 0) {
                problems.error("csv.column-count", lines.number(), "line not read: " + n + " values, but the header names "
                        + expected + ", and it does not start with a time");
                return null;
            }
            problems.error("csv.column-count", lines.number(), "line has " + n + " of the " + expected
                    + " values the header names (cut short?): the missing ones are absent");
        }
        if (hasTime && time == null) problems.warning("log.bad-time", lines.number(), "time not understood; record kept without a time");
        return new LineRecord(layout, lines.copy(), Arrays.copyOf(scratch, 2 * n), n, lines.number(), time, !lines.hasHighBytes());
    }

    /** Splits the current record, joining lines while a quoted value is open. */
    private int split() throws IOException {
        int n = CsvSplitter.split(lines.bytes(), lines.start(), lines.end(), scratch, false);
        while (n == CsvSplitter.OPEN_QUOTE) {
            if (!lines.extend()) {
                lines.retreat();
                problems.error("csv.unterminated-quote", lines.number(), "a quoted value does not close"
                        + " (within " + LogLimits.MAX_LINES_PER_RECORD + " lines): read as if it closed at the end of the line");
                return CsvSplitter.split(lines.bytes(), lines.start(), lines.end(), scratch, true);
            }
            n = CsvSplitter.split(lines.bytes(), lines.start(), lines.end(), scratch, false);
        }
        return n;
    }

    private boolean assume(int n) {
        List<String> usual = DefaultColumns.of(kind);
        if (usual == null || n != usual.size()) {
            problems.error("csv.no-header", lines.number(), "line not read: no header names its columns");
            return false;
        }
        bind(new FieldNames(usual));
        assumed = true;
        problems.warning("exchange.assumed-fields", lines.number(),
                "no header before this line: the usual " + n + " columns of " + kind.type() + " assumed");
        return true;
    }

    private void directive() {
        String text = new String(lines.bytes(), lines.start() + 1, lines.length() - 1, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon < 0) return;
        String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1).trim();
        switch (name) {
            case "fields" -> {
                List<String> names = new ArrayList<>();
                for (String f : value.split(",", -1)) names.add(f.trim());
                bind(new FieldNames(names));
            }
            case "version" -> {
                logVersion = value.isEmpty() ? null : value;
                relayout();
            }
            case "log-type" -> {
                logType = value.isEmpty() ? null : value;
                relayout();
            }
            default -> { }
        }
    }

    private void bind(FieldNames names) {
        if (assumed || !names.equals(columns)) {
            columns = names;
            assumed = false;
            timeIndex = -1;
            for (String t : TIME_COLUMNS) {
                timeIndex = names.indexOf(t);
                if (timeIndex >= 0) break;
            }
            relayout();
        }
    }

    private void relayout() {
        if (columns == null) return;
        List<String[]> constants = new ArrayList<>();
        if (logType != null) constants.add(new String[] {"LogType", logType});
        if (logVersion != null) constants.add(new String[] {"LogVersion", logVersion});
        if (logFolder != null) constants.add(new String[] {"LogFolder", logFolder});
        constants.removeIf(c -> columns.indexOf(c[0]) >= 0);
        FieldExpander expander = kind == ExchangeLogKind.ECP_SERVER || kind == ExchangeLogKind.ECP_ACTIVITY
                ? ExchangeCsvStream::expandEventData : null;
        layout = new LineLayout(kind.type(), file, columns, constants, expander);
    }

    private static void expandEventData(Record r, BiConsumer<String, String> out) {
        String data = r.field("EventData");
        if (data != null) ActivityData.expand(data, out);
    }

    /**
     * A bare CSV header line: the first value does not start with a digit (every data line starts with its
     * time) and every value is a non-empty name.
     */
    private boolean isHeader(byte[] b, int s, int n) {
        for (int i = 0; i < n; i++) {
            int vs = scratch[2 * i];
            if (vs < 0) return false;
            int ve = scratch[2 * i + 1];
            if (vs == ve) return false;
            for (int k = s + vs; k < s + ve; k++) {
                byte c = b[k];
                boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                if (k == s + vs && !letter) return false;
                if (!letter && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '.' && c != ' '
                        && c != '(' && c != ')') return false;
            }
        }
        return true;
    }

    /** The protocol folder of an HttpProxy log: {@code …/HttpProxy/Ecp/HttpProxy_2021030306-1.LOG} gives {@code Ecp}. */
    static String protocolFolder(String file) {
        String p = file.replace('\\', '/');
        int i = p.toLowerCase(Locale.ROOT).lastIndexOf("/httpproxy/");
        if (i < 0) return null;
        int from = i + "/httpproxy/".length();
        int slash = p.indexOf('/', from);
        return slash < 0 ? null : p.substring(from, slash);
    }
}
