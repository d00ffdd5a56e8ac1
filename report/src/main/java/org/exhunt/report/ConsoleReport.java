package org.exhunt.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Evidence;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.IsoTime;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;

/**
 * What a person reads first (issue 26): the verdict table, one line per server and row with a short reason; then per
 * server its notes and, per row, the whole reason and the row's evidence, most severe first, one entry per event
 * however many rules matched it ({@link ConsoleEvent}); what was not read; and a closing summary
 * ({@link ConsoleSummary}). By default an event shows its title, its other rules, where it was read and its evidence
 * fields on one line; {@code verbose} shows every rule and every field in full.
 */
public final class ConsoleReport implements ReportWriter {

    private static final String CONTEXT = "Context (not evidence of compromise by itself)";
    /** The width the console cuts a default event's lines at. */
    private static final int WIDTH = 120;
    /**
     * The longest line of the verdict table (issue 26: a screen's width, a reason never wrapping over nine lines), and
     * the width a whole reason wraps to: a detail's window and what would settle it fit in a few lines of it.
     */
    private static final int LINE = 200;
    private static final int MIN_REASON = 60;
    private static final String INDENT = "      ";
    /** Lines of a whole reason the default console shows (--verbose: all). */
    private static final int WHY_LINES = 4;
    /** Other places of a run of alike events the default console lists. */
    private static final int PLACES = 12;
    /**
     * Entries (an event, or a run of alike ones) the default console shows per row, most severe first: the rest are
     * counted by level (issue 26: the whole report of an intrusion under 150 lines, the answer and the steps first).
     */
    static final int ENTRIES_SHOWN = 5;

    private final Ansi ansi;
    private final boolean verbose;
    private final boolean summary;

    /** Plain text, without a closing summary: a probe's results, which hold no evidence to sum up. */
    public ConsoleReport() {
        this(false, false, false);
    }

    /**
     * A scan's report, ending with its closing summary. With {@code colour}, verdict words and levels are coloured
     * with ANSI codes (for a terminal); with {@code verbose}, every rule of an event and every evidence field in full.
     */
    public ConsoleReport(boolean colour, boolean verbose) {
        this(colour, verbose, true);
    }

    private ConsoleReport(boolean colour, boolean verbose, boolean summary) {
        this.ansi = new Ansi(colour);
        this.verbose = verbose;
        this.summary = summary;
    }

    @Override
    public void write(Writer writer, RunInfo run, List<ServerResult> results) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.printf("exhunt %s (rules %s, knowledge base %s)%n", run.exhuntVersion(), run.rulesVersion(),
                run.kbVersion());
        filters(out, run);
        out.println();
        verdictTable(out, results);
        ConsoleResponse.write(out, results, verbose);
        for (ServerResult r : results) {
            notes(out, r);
            rows(out, r);
            notRead(out, r);
        }
        if (summary) {
            out.println();
            ConsoleSummary.write(out, results, List.of());
        }
        out.flush();
    }

    /** The Sigma filter documents the run applied: what tuned its rules is part of what it says. */
    private static void filters(PrintWriter out, RunInfo run) {
        if (run.filters().isEmpty()) return;
        out.printf("Sigma filters (%d), tuning out events from the rules they name:%n", run.filters().size());
        for (RunInfo.Filter f : run.filters()) {
            out.println("  " + Printable.visible(f.title() + " (" + f.id() + ") from " + f.file() + ", for "
                    + (f.rules().isEmpty() ? "no rule" : String.join(", ", f.rules()))));
        }
    }

    private void verdictTable(PrintWriter out, List<ServerResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVER", "ROW", "EXPOSURE", "COMPROMISE", "REASON"});
        for (ServerResult r : results) {
            for (Verdict v : r.verdicts()) {
                // a probe's reason quotes the server's own bytes (a page title, a Location)
                rows.add(new String[] {Printable.visible(v.server()), Printable.visible(v.row()), exposure(v.exposure()),
                    compromise(v.compromise()), v.reason()});
            }
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], row[i].length());
        }
        // a verdict line fits LINE characters: the reason gets what the other columns leave, at most ShortReason.MAX
        int reasonWidth = Math.max(MIN_REASON, Math.min(ShortReason.MAX, LINE - Arrays.stream(width).map(w -> w + 2).sum()));
        for (String[] row : rows.subList(1, rows.size())) row[4] = ShortReason.of(row[4], reasonWidth);
        boolean header = true;
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String cell = header || i < 2 ? row[i] : ansi.verdict(row[i]);
                line.append(cell).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            out.println(line.append(row[4]));
            header = false;
        }
    }

    static String compromise(Compromise c) {
        return c == Compromise.NOT_ASSESSED ? "not assessed" : c.name();
    }

    static String exposure(Exposure e) {
        return e == Exposure.NOT_ASSESSED ? "not assessed" : e.name();
    }

    private static void notes(PrintWriter out, ServerResult r) {
        out.printf("%n== %s%n", Printable.visible(r.server() + " (" + String.join(", ", r.inputs()) + ")"));
        for (String note : Notes.of(r.facts())) out.println("  " + Printable.visible(note));
    }

    /**
     * Per row, in the verdict table's order: its whole explanation ({@link #whole}: the detail, with the exposure
     * window in words) when it says more than the table (for a row the evidence clears on a fixed build, with
     * --verbose only), then its events, most
     * severe first; then the post-exploitation findings no chain explains, and context (worth seeing, not evidence by
     * itself). An event several rows' findings share (a request both an exploit rule and a context rule matched) is
     * shown once, under the first of those rows ({@link #group}).
     */
    private void rows(PrintWriter out, ServerResult r) {
        Map<String, List<ConsoleEvent>> groups = new LinkedHashMap<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Verdict v : r.verdicts()) {
            groups.put(v.row(), new ArrayList<>());
            verdicts.put(v.row(), v);
        }
        groups.put(CONTEXT, new ArrayList<>());
        List<String> order = List.copyOf(groups.keySet());
        for (ConsoleEvent e : ConsoleEvent.of(r.findings())) {
            String row = e.findings().stream().map(ConsoleReport::group)
                    .min(Comparator.comparingInt(g -> order.contains(g) ? order.indexOf(g) : order.size())).orElseThrow();
            groups.computeIfAbsent(row, k -> new ArrayList<>()).add(e);
        }
        if (r.findings().isEmpty()) out.println("\nFindings: none");
        List<String> noEvidence = new ArrayList<>();
        groups.forEach((group, events) -> {
            Verdict v = verdicts.get(group);
            boolean why = v != null && saysMore(v) && (verbose || matters(v));
            if (events.isEmpty() && why && !verbose) {
                noEvidence.add(group);
                return;
            }
            if (events.isEmpty() && !why) return;
            // the row's own findings: an event shown here may also hold another row's or context's (counted there)
            long findings = events.stream().flatMap(e -> e.findings().stream()).filter(f -> group(f).equals(group)).count();
            out.printf("%n-- %s%s%s%n", Printable.visible(group),
                    v == null ? "" : ": " + exposure(v.exposure()) + ", " + compromise(v.compromise()),
                    events.isEmpty() ? "" : " (" + count(findings, "finding") + ", " + count(events.size(), "event") + ")");
            if (why) reason(out, whole(v), !events.isEmpty());
            if (verbose) {
                for (ConsoleEvent e : events) event(out, List.of(e));
            } else {
                entries(out, ConsoleEvent.alike(events));
            }
        });
        if (!noEvidence.isEmpty()) {
            // their reason in the table says why; the whole of it (the window, what would settle it) is a --verbose away
            out.printf("%n-- %s: no evidence; the verdict table gives each one's reason, --verbose or the HTML report "
                    + "the whole of it%n", Printable.visible(String.join(", ", noEvidence)));
        }
    }

    /** A row's entries, the first {@link #ENTRIES_SHOWN}; the others counted by level, most severe first. */
    private void entries(PrintWriter out, List<List<ConsoleEvent>> entries) {
        entries.stream().limit(ENTRIES_SHOWN).forEach(run -> event(out, run));
        if (entries.size() <= ENTRIES_SHOWN) return;
        Map<Severity, Long> byLevel = new TreeMap<>(Comparator.reverseOrder());
        for (List<ConsoleEvent> run : entries.subList(ENTRIES_SHOWN, entries.size())) {
            byLevel.merge(run.get(0).head().severity(), (long) run.size(), Long::sum);
        }
        long events = byLevel.values().stream().mapToLong(Long::longValue).sum();
        out.println("  … " + count(events, "more event") + " (" + byLevel.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "))
                + "): --verbose, or the HTML report");
    }

    /** A verdict's whole explanation: its detail (the exposure, the evidence, the window in words), else its reason. */
    static String whole(Verdict v) {
        return v.detail().isBlank() ? v.reason() : v.detail();
    }

    /** Whether the whole explanation says more than the verdict table's reason cell (the table cut it, or a detail). */
    static boolean saysMore(Verdict v) {
        return !whole(v).equals(v.reason()) || !ShortReason.isWhole(v.reason(), ShortReason.MAX);
    }

    /**
     * Whether a row's whole reason is worth its lines by default: any row but a patched or unaffected one the evidence
     * clears (--verbose shows those too).
     */
    private static boolean matters(Verdict v) {
        return v.compromise() != Compromise.CLEAN
                || !(v.exposure() == Exposure.PATCHED || v.exposure() == Exposure.NOT_AFFECTED || v.exposure() == Exposure.NOT_ASSESSED);
    }

    /** A whole reason, wrapped to {@link #LINE}; by default at most {@link #WHY_LINES} lines of it. */
    private void reason(PrintWriter out, String reason, boolean events) {
        List<String> lines = Wrap.lines("why: " + Printable.visible(reason), LINE - 3);
        int shown = verbose || lines.size() <= WHY_LINES ? lines.size() : WHY_LINES - 1;
        for (String line : lines.subList(0, shown)) out.println("   " + line);
        if (shown < lines.size()) out.println("   … (" + (lines.size() - shown) + " more lines: --verbose"
                + (events ? ", or the events below)" : ")"));
    }

    /**
     * What the verdicts count a finding for, by its stage: a chain's row for its attempts, successes and the files
     * linked to it; the Post-exploitation row for what no chain explains; nothing for context, nor for an attempt or
     * success that no rule ties to a chain.
     */
    static String group(Finding f) {
        if (f.stage() == Stage.CONTEXT) return CONTEXT;
        if (f.chain() != null) return f.chain();
        return f.stage() == Stage.POST_EXPLOITATION ? Rows.POST_EXPLOITATION : CONTEXT;
    }

    /**
     * One event; by default a run of alike events ({@link ConsoleEvent#alike}) as one entry: their times and lines,
     * the first one's fields.
     */
    private void event(PrintWriter out, List<ConsoleEvent> run) {
        ConsoleEvent e = run.get(0);
        Finding head = e.head();
        String when = run.size() == 1 ? time(head) : run.size() + " events, " + span(run) + "  ";
        out.printf("  [%s] %s%s%n", ansi.level(head.severity()), when, Printable.visible(head.title()));
        if (verbose) {
            for (Finding f : e.findings()) {
                out.println(INDENT + "rule " + Printable.visible(f.ruleId() + " (" + f.detector() + ")"
                        + (f == head ? "" : ", " + f.severity().label() + ": " + f.title())
                        + (author(f) == null ? "" : ", by " + author(f))));
            }
        } else {
            if (e.findings().size() > 1) {
                out.println(cut(INDENT + "also: " + Printable.visible(String.join("; ",
                        e.findings().subList(1, e.findings().size()).stream().map(Finding::title).distinct().toList()))));
            }
            // never cut: the authors of third-party rules are named in full (see author)
            List<String> authors = e.findings().stream().map(ConsoleReport::author).filter(Objects::nonNull).distinct().toList();
            if (!authors.isEmpty()) out.println(INDENT + "rules by " + Printable.visible(String.join("; ", authors)));
        }
        // a file's place is never cut; the other places of a run are, after a few
        out.println(INDENT + "at " + Printable.visible(head.source().toString())
                + run.stream().skip(1).limit(PLACES).map(o -> place(o.source())).collect(Collectors.joining(""))
                + (run.size() > PLACES + 1 ? ", … (" + (run.size() - PLACES - 1) + " more)" : ""));
        List<Evidence> fields = e.evidence();
        if (verbose) {
            for (Evidence f : fields) out.println(INDENT + Printable.visible(f.name()) + ": " + Printable.shorten(f.value()));
        } else {
            // the raw line repeats the fields, which say it shorter; it shows when it is all there is
            List<Evidence> shown = fields.stream().filter(f -> !f.name().equals("raw")).toList();
            if (shown.isEmpty()) shown = fields;
            if (!shown.isEmpty()) out.println(cut(INDENT + (run.size() == 1 ? "" : "first: ") + String.join("  ", shown.stream()
                    .map(f -> Printable.visible(f.name()) + "=" + ShortReason.of(f.value(), 80)).toList())));
        }
        for (Finding f : e.findings()) linked(out, f);
    }

    /** ", 53" for another line of the same file, ", @4096" or ", #17" for another offset or record. */
    private static String place(SourceRef s) {
        if (s.hasLine()) return ", " + s.line();
        if (s.recordId() != null) return ", #" + Printable.visible(s.recordId());
        if (s.hasOffset()) return ", @" + s.offset();
        return "";
    }

    /** "2021-03-03T05:52:10Z to 2021-03-03T05:52:19Z" for a run of events. */
    private static String span(List<ConsoleEvent> run) {
        List<Instant> times = run.stream().map(ConsoleEvent::time).filter(Objects::nonNull).sorted().toList();
        if (times.isEmpty()) return "no time";
        return IsoTime.format(times.get(0)) + " to " + IsoTime.format(times.get(times.size() - 1));
    }

    /** The events a correlation links: each with --verbose, else how many and when. */
    private void linked(PrintWriter out, Finding f) {
        if (f.linked().isEmpty()) return;
        if (verbose) {
            for (Finding linked : f.linked()) {
                out.printf("%slinked: %s at %s%s%n", INDENT, Printable.visible(linked.title()),
                        Printable.visible(linked.source().toString()), linked.time() == null ? "" : ", " + IsoTime.format(linked.time()));
            }
            return;
        }
        List<Instant> times = f.linked().stream().map(Finding::time).filter(Objects::nonNull).sorted().toList();
        out.println(INDENT + "links " + count(f.linked().size(), "event")
                + (times.isEmpty() ? "" : ", " + IsoTime.format(times.get(0)) + " to " + IsoTime.format(times.get(times.size() - 1)))
                + " (--verbose lists them)");
    }

    private static String time(Finding f) {
        if (f.time() == null) return "";
        return IsoTime.format(f.time()) + (FileTimes.isModificationTime(f) ? " (file modified)" : "") + "  ";
    }

    private static String cut(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 2) + " …";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A third-party rule's author, as the Detection Rule License asks of messages based on its rules' matches
     * (signature-base's and SigmaHQ's rules: DRL 1.1); null for exhunt's own rules, which are not signed.
     */
    private static String author(Finding f) {
        String author = f.meta().get("author");
        return author == null || author.isBlank() || author.equals("exhunt") ? null : author;
    }

    private void notRead(PrintWriter out, ServerResult r) {
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        List<Diagnostic> others = r.diagnostics().stream().filter(d -> !d.isError()).toList();
        if (!errors.isEmpty()) {
            out.printf("%nNot read (%d): the verdicts above may miss evidence in these%n", errors.size());
            for (Diagnostic d : errors) out.println("  " + Printable.visible(d.toString()));
        }
        if (!others.isEmpty()) {
            out.printf("%nWarnings (%d)%n", others.size());
            for (Diagnostic d : others) out.println("  " + Printable.visible(d.toString()));
        }
    }
}
