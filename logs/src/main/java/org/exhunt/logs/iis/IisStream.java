package org.exhunt.logs.iis;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.exhunt.core.Record;
import org.exhunt.logs.LogLimits;
import org.exhunt.logs.Problems;
import org.exhunt.logs.line.FieldNames;
import org.exhunt.logs.line.LineLayout;
import org.exhunt.logs.line.LineRecord;
import org.exhunt.logs.line.LineStream;
import org.exhunt.logs.text.CsvSplitter;
import org.exhunt.logs.text.SpaceSplitter;
import org.exhunt.logs.text.Times;

/**
 * Reads one IIS W3C log. Directives ({@code #Software}, {@code #Version}, {@code #Date}, {@code #Fields}) may
 * come again anywhere (IIS writes a new block after a restart or a logging change): each {@code #Fields}
 * re-binds the columns from then on. Values are kept as logged ({@code +} for spaces, percent-encoding);
 * {@code -} is an absent value.
 *
 * <p>Diagnostic codes: {@code iis.no-fields} (WARNING: data before any {@code #Fields}; IIS's default field
 * set assumed, the count matching), {@code iis.field-count} (ERROR: a line with fewer values than
 * {@code #Fields} names that still starts with its date and time, e.g. the last line cut short, is kept with
 * the rest absent; any other count mismatch is skipped), {@code log.bad-time} (WARNING: record kept without a
 * time).
 */
final class IisStream extends LineStream {

    /** IIS's default field set (IIS 7 and later), used only when a file has data but no {@code #Fields}. */
    static final List<String> DEFAULT_FIELDS = List.of("date", "time", "s-ip", "cs-method", "cs-uri-stem",
            "cs-uri-query", "s-port", "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status",
            "sc-substatus", "sc-win32-status", "time-taken");

    private final int[] scratch = new int[2 * LogLimits.MAX_FIELDS];
    private LineLayout layout;
    private int dateIndex = -1;
    private int timeIndex = -1;
    private byte[] directiveDate;       // yyyy-MM-dd from #Date, for logs without a date field
    private boolean assumedDefault;

    IisStream(String file, InputStream in, Problems problems) {
        super(file, in, problems);
    }

    @Override
    protected Record parse() {
        byte[] b = lines.bytes();
        int s = lines.start();
        int e = lines.end();
        if (s == e) return null;
        if (b[s] == '#') {
            directive(b, s, e);
            return null;
        }
        if (layout == null) {
            bind(DEFAULT_FIELDS);
            assumedDefault = true;
        }
        int n = SpaceSplitter.split(b, s, e, scratch);
        int expected = layout.columns().size();
        if (n == CsvSplitter.TOO_MANY || n > expected || (assumedDefault && n != expected)) {
            problems.error(assumedDefault ? "iis.no-fields" : "iis.field-count", lines.number(), assumedDefault
                    ? "line not read: no #Fields directive before it, and it does not have IIS's " + expected + " default fields"
                    : "line not read: " + (n < 0 ? "more than " + LogLimits.MAX_FIELDS : n) + " values, but #Fields names " + expected);
            return null;
        }
        if (assumedDefault) {
            problems.warning("iis.no-fields", lines.number(), "no #Fields directive before this line: IIS's default fields assumed");
            assumedDefault = false;
            layout = new LineLayout(layout.type(), layout.file(), layout.columns(), layout.constants(), null);
        }
        Instant time = time(b, s, n);
        if (n < expected) {
            if (time == null && timeIndex >= 0) {
                problems.error("iis.field-count", lines.number(), "line not read: " + n + " values, but #Fields names "
                        + expected + ", and it does not start with a date and time");
                return null;
            }
            problems.error("iis.field-count", lines.number(), "line has " + n + " of the " + expected
                    + " values #Fields names (cut short?): the missing ones are absent");
        }
        if (time == null && (dateIndex >= 0 || directiveDate != null) && timeIndex >= 0 && timeIndex < n) {
            problems.warning("log.bad-time", lines.number(), "date/time not understood; record kept without a time");
        }
        return new LineRecord(layout, lines.copy(), Arrays.copyOf(scratch, 2 * n), n, lines.number(), time, !lines.hasHighBytes());
    }

    private Instant time(byte[] b, int s, int n) {
        if (timeIndex < 0 || timeIndex >= n) return null;
        int ts = s + scratch[2 * timeIndex];
        int te = s + scratch[2 * timeIndex + 1];
        if (dateIndex >= 0 && dateIndex < n) {
            return Times.iis(b, s + scratch[2 * dateIndex], s + scratch[2 * dateIndex + 1], ts, te);
        }
        if (directiveDate == null) return null;
        byte[] joined = new byte[10 + (te - ts)];
        System.arraycopy(directiveDate, 0, joined, 0, 10);
        System.arraycopy(b, ts, joined, 10, te - ts);
        return Times.iis(joined, 0, 10, 10, joined.length);
    }

    private void directive(byte[] b, int s, int e) {
        String text = new String(b, s + 1, e - s - 1, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon < 0) return;
        String name = text.substring(0, colon).trim();
        String value = text.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Fields")) {
            bind(Arrays.asList(value.split(" +")));
            assumedDefault = false;
        } else if (name.equalsIgnoreCase("Date") && value.length() >= 10) {
            directiveDate = value.substring(0, 10).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private void bind(List<String> fields) {
        FieldNames names = new FieldNames(fields);
        layout = new LineLayout(IisLogReader.FORMAT, file, names, List.of(), null);
        dateIndex = names.indexOf("date");
        timeIndex = names.indexOf("time");
    }
}
