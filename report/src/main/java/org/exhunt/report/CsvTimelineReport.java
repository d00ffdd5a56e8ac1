package org.exhunt.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.core.Finding;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ExposureWindow;

/**
 * A timeline for Timesketch and Timeline Explorer ({@code --format csv}): one row per finding and per event
 * a finding links, and per chain row the stretches of its exposure window (where the server was possibly exposed,
 * and where no log that can show the chain covers it: rule ids {@link #EXPOSED} and {@link #NOT_COVERED}, the
 * stretch's end in {@code span_end}), in time order. Timesketch's three required columns come first, then columns whose names
 * and order never change within a {@link #COLUMNS} list (docs/report-formats.md), which only grows at its end. The
 * versions of exhunt, its rule pack and knowledge base are columns of every row: a CSV has no place for a header
 * comment that Timesketch's importer (pandas) would not take for a record, and extra columns are attributes to it. RFC 4180: comma-separated,
 * CRLF between records, a field quoted when it holds a comma, quote, CR or LF, quotes doubled; UTF-8
 * without a byte-order mark (a BOM would become part of the first column's name, and Timesketch would then
 * miss {@code message}).
 *
 * <p>Spreadsheets run a cell that starts with {@code = + - @}, a tab or a CR as a formula, and file names,
 * log lines and user agents are the attacker's text. Every text cell that starts with one of those gets a
 * leading apostrophe, which Excel and LibreOffice read as "this is text" (OWASP, CSV injection). Control characters
 * in a cell's text (an ESC, a BEL, C1 controls) are made visible escapes first ({@link Printable}), as in every
 * human format: a spreadsheet or a pager renders them; the evidence cell's own line breaks, between items, stay.
 */
public final class CsvTimelineReport implements ReportWriter {

    /** The columns, in order. Only ever appended to; a rename or removal is a breaking change. */
    public static final List<String> COLUMNS = List.of("message", "datetime", "timestamp_desc", "timestamp",
            "server", "chain", "level", "detector", "rule_id", "title", "tags", "file", "line", "offset",
            "record", "evidence", "finding_id", "linked_to", "exhunt_version", "rules_version", "kb_version", "stage",
            "span_end");

    /** {@code rule_id} of a row that starts a stretch of a chain's exposure window. */
    public static final String EXPOSED = "exhunt.window.exposed";
    /** {@code rule_id} of a row that starts a stretch of the window no IIS or HttpProxy log covers. */
    public static final String NOT_COVERED = "exhunt.window.not-covered";

    /** {@code timestamp_desc} of a row whose evidence has its own time. */
    public static final String EVIDENCE_TIME = "Evidence time";
    /** {@code timestamp_desc} of a row whose evidence has no time: it is placed at the scan's start. */
    public static final String SCAN_TIME = "Scan time (the evidence has no time)";

    /** Fixed width, to the 100 ns of a Windows event: importers parse the column with the pattern of its first rows. */
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @Override
    public void write(Writer out, RunInfo run, List<ServerResult> results) throws IOException {
        record(out, COLUMNS);
        List<Timed> rows = new ArrayList<>();
        for (TimelineEvent e : TimelineEvent.of(results)) rows.add(new Timed(e.timeOr(run.started()), row(e, run)));
        for (ServerResult r : results) {
            for (Verdict v : r.verdicts()) {
                if (v.window() == null) continue;
                for (ExposureWindow.Span x : v.window().exposed()) rows.add(window(v, x, EXPOSED, "possibly exposed", run));
                for (ExposureWindow.Span x : v.window().gaps()) {
                    rows.add(window(v, x, NOT_COVERED, "no IIS or HttpProxy logs cover it", run));
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(Timed::time));   // stable: findings keep their order
        for (Timed t : rows) record(out, t.cells());
        out.flush();
    }

    private record Timed(Instant time, List<String> cells) {}

    /** A stretch of a chain's exposure window, as a row at its start. */
    private static Timed window(Verdict v, ExposureWindow.Span x, String rule, String what, RunInfo run) {
        String title = v.row() + ": " + what + " (" + x.what() + ")";
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(text("[window] " + title));
        cells.add(DATETIME.format(x.from()));
        cells.add("Exposure window: " + what);
        cells.add(Long.toString(microseconds(x.from())));
        cells.add(text(v.server()));
        cells.add(text(v.row()));
        cells.add("info");
        cells.add("exhunt");
        cells.add(rule);
        cells.add(text(title));
        cells.add("");
        cells.add("");
        cells.add("");
        cells.add("");
        cells.add("");
        cells.add(guarded(Printable.visible("verdict: " + v.compromise()) + "\n" + Printable.visible("reason: " + v.reason())));
        cells.add("");
        cells.add("");
        cells.add(text(run.exhuntVersion()));
        cells.add(text(run.rulesVersion()));
        cells.add(text(run.kbVersion()));
        cells.add("");
        cells.add(x.to() == null ? "" : DATETIME.format(x.to()));
        return new Timed(x.from(), cells);
    }

    private static List<String> row(TimelineEvent e, RunInfo run) {
        Finding f = e.finding();
        Instant time = e.timeOr(run.started());
        SourceRef s = f.source();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(text(message(f)));
        cells.add(DATETIME.format(time));
        cells.add(e.hasTime() ? EVIDENCE_TIME : SCAN_TIME);
        cells.add(Long.toString(microseconds(time)));
        cells.add(text(e.server()));
        cells.add(text(f.chain()));
        cells.add(f.severity().label());
        cells.add(text(f.detector()));
        cells.add(text(f.ruleId()));
        cells.add(text(f.title()));
        cells.add(text(String.join(",", f.tags())));
        cells.add(text(s.file()));
        cells.add(s.hasLine() ? Long.toString(s.line()) : "");
        cells.add(s.hasOffset() ? Long.toString(s.offset()) : "");
        cells.add(text(s.recordId()));
        cells.add(guarded(f.evidence().stream().map(ev -> Printable.visible(ev.name() + ": " + ev.value()))
                .collect(Collectors.joining("\n"))));
        cells.add(e.id());
        cells.add(e.parentId() == null ? "" : e.parentId());
        cells.add(text(run.exhuntVersion()));
        cells.add(text(run.rulesVersion()));
        cells.add(text(run.kbVersion()));
        cells.add(f.stage().label());
        cells.add("");
        return cells;
    }

    /** What Timesketch shows for the row: level, title and where. */
    static String message(Finding f) {
        return "[" + f.severity().label() + "] " + f.title() + " | " + f.source();
    }

    static long microseconds(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** A text cell: never null, its controls visible, and never read as a formula. */
    static String text(String value) {
        return guarded(Printable.visible(value));
    }

    /** A cell never read as a formula. */
    private static String guarded(String value) {
        if (value == null || value.isEmpty()) return "";
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void record(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(field(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** RFC 4180 section 2: quote a field that holds a comma, a quote or a line break; double its quotes. */
    static String field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
