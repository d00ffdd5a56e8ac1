package org.exhunt.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Evidence;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.IsoTime;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;

/**
 * What a person reads first: one line per server and row (exposure, compromise, reason), then the
 * findings with their evidence, then notes and everything that was not read.
 */
public final class ConsoleReport implements ReportWriter {

    private static final String CONTEXT = "Context (not evidence of compromise by itself)";

    private final Ansi ansi;

    /** Plain text, for files and pipes. */
    public ConsoleReport() {
        this(false);
    }

    /** With {@code colour}, verdict words and levels are coloured with ANSI codes (for a terminal). */
    public ConsoleReport(boolean colour) {
        this.ansi = new Ansi(colour);
    }

    @Override
    public void write(Writer writer, RunInfo run, List<ServerResult> results) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.printf("exhunt %s (rules %s, knowledge base %s)%n", run.exhuntVersion(), run.rulesVersion(),
                run.kbVersion());
        filters(out, run);
        out.println();
        verdictTable(out, results);
        for (ServerResult r : results) {
            notes(out, r);
            findings(out, r);
            notRead(out, r);
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
                    compromise(v.compromise()), Printable.visible(v.reason())});
            }
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], row[i].length());
        }
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
     * The findings by row, in the verdict table's order: each chain's own, then post-exploitation findings no
     * chain explains, then context (worth seeing, not evidence by itself): each under what the verdicts counted it
     * for ({@link #group}).
     */
    private void findings(PrintWriter out, ServerResult r) {
        if (r.findings().isEmpty()) {
            out.println("\nFindings: none");
            return;
        }
        out.printf("%nFindings (%d)%n", r.findings().size());
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Verdict v : r.verdicts()) groups.put(v.row(), new ArrayList<>());
        for (Finding f : r.findings()) groups.computeIfAbsent(group(f), k -> new ArrayList<>()).add(f);
        groups.forEach((group, findings) -> {
            if (findings.isEmpty()) return;
            out.printf("%n  -- %s (%d)%n", Printable.visible(group), findings.size());
            for (Finding f : findings) finding(out, f);
        });
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

    private void finding(PrintWriter out, Finding f) {
        out.printf("  [%s] %s%n", ansi.level(f.severity()), Printable.visible(f.title()));
        out.printf("      rule %s%n", Printable.visible(f.ruleId() + " (" + f.detector() + ")"
                + (f.chain() == null ? "" : ", chain " + f.chain()) + author(f)));
        out.printf("      at %s%s%n", Printable.visible(f.source().toString()), f.time() == null ? "" : ", " + IsoTime.format(f.time()));
        for (Evidence e : f.evidence()) out.printf("      %s: %s%n", Printable.visible(e.name()), Printable.shorten(e.value()));
        for (Finding linked : f.linked()) {
            out.printf("      linked: %s at %s%s%n", Printable.visible(linked.title()), Printable.visible(linked.source().toString()),
                    linked.time() == null ? "" : ", " + IsoTime.format(linked.time()));
        }
    }

    /**
     * A third-party rule's author, as the Detection Rule License asks of messages based on its rules' matches
     * (signature-base's and SigmaHQ's rules: DRL 1.1); exhunt's own rules are not signed.
     */
    private static String author(Finding f) {
        String author = f.meta().get("author");
        return author == null || author.isBlank() || author.equals("exhunt") ? "" : ", by " + author;
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
