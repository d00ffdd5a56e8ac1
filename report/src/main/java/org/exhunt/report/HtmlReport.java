package org.exhunt.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;

/**
 * One self-contained HTML page ({@code --format html}) for the people who act on a scan: the answer first,
 * then the verdict table per server and row, a timeline chart of the evidence, the findings with filters
 * and search, the notes, and what was not read, with the versions of exhunt, its rules and knowledge base.
 *
 * <p>The page loads nothing: its style and script are inline and allowed by hash in a strict
 * Content-Security-Policy ({@link HtmlAssets}), the chart is inline SVG, and it has no links at all, rule
 * references included, which are shown as text. All text from the evidence, the rules and the user is
 * escaped ({@link Html}). It reads the same on screen and on paper (print stylesheet, no hidden content
 * needed to understand the verdicts). Layout: docs/report-formats.md.
 */
public final class HtmlReport implements ReportWriter {

    @Override
    public void write(Writer out, RunInfo run, List<ServerResult> results) throws IOException {
        List<HtmlFindingsTable.Row> rows = HtmlFindingsTable.rows(TimelineEvent.groups(results));
        Html html = new Html();
        head(html, run, results);
        html.raw("<body>\n<header>\n<h1>exhunt report</h1>\n");
        answer(html, results);
        versions(html, run);
        html.raw("</header>\n<main>\n<section id=\"verdicts\">\n<h2>Verdicts</h2>\n");
        verdicts(html, results);
        html.raw("</section>\n<section id=\"timeline\">\n<h2>Timeline of the evidence</h2>\n");
        HtmlTimelineChart.write(html, results, rows);
        html.raw("</section>\n<section id=\"findings\">\n<h2>Findings</h2>\n");
        HtmlFindingsTable.write(html, rows);
        html.raw("</section>\n<section id=\"servers\">\n<h2>Servers and notes</h2>\n");
        servers(html, results);
        html.raw("</section>\n<section id=\"not-read\">\n<h2>Not read</h2>\n");
        notRead(html, results);
        html.raw("</section>\n</main>\n<footer>\n<p>").add("Made by exhunt " + run.exhuntVersion()
                + ". This page loads nothing and runs no code but its own filter script. Rule references are"
                + " shown as text, never as links: copy one into a browser you trust to follow it.").raw("</p>\n")
                .raw("</footer>\n<script>").raw(HtmlAssets.JS).raw("</script>\n</body>\n</html>\n");
        out.write(html.toString());
        out.flush();
    }

    private static void head(Html html, RunInfo run, List<ServerResult> results) {
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"").raw(Html.escape(HtmlAssets.CSP)).raw("\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .add("exhunt report: " + results.stream().map(ServerResult::server).collect(Collectors.joining(", "))
                        + " (" + run.started() + ")")
                .raw("</title>\n<style>").raw(HtmlAssets.CSS).raw("</style>\n</head>\n");
    }

    /** The one line a reader needs first: the worst compromise verdict, and on which servers. */
    private static void answer(Html html, List<ServerResult> results) {
        Map<Compromise, List<String>> worst = new TreeMap<>();
        for (ServerResult r : results) {
            r.verdicts().stream().map(Verdict::compromise).max(HtmlReport::bySeverity)
                    .ifPresent(c -> worst.computeIfAbsent(c, k -> new ArrayList<>()).add(r.server()));
        }
        Compromise top = worst.keySet().stream().max(HtmlReport::bySeverity).orElse(null);
        String text;
        if (top == null) text = "No verdicts: nothing was scanned.";
        else text = switch (top) {
            case COMPROMISED -> "Evidence of compromise on " + list(worst.get(top), results.size());
            case ATTEMPTED -> "Exploitation attempts, no sign of success, on " + list(worst.get(top), results.size());
            case CANNOT_TELL -> "No evidence of compromise, but the evidence cannot tell for some rows on "
                    + list(worst.get(top), results.size());
            case CLEAN -> "No evidence of compromise on " + list(worst.get(top), results.size());
            case NOT_ASSESSED -> "Compromise not assessed (exposure only) on " + list(worst.get(top), results.size());
        };
        boolean incomplete = results.stream().anyMatch(ServerResult::isIncomplete);
        html.raw("<p class=\"answer cmp-").raw(top == null ? "CANNOT_TELL" : top.name()).raw("\" id=\"answer\">")
                .add(text + (incomplete ? " Some input was not read: see \"Not read\"." : "")).raw("</p>\n");
    }

    /** Compromise states from least to most alarming: clean, cannot tell, attempted, compromised. */
    private static int bySeverity(Compromise a, Compromise b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(Compromise c) {
        return switch (c) {
            case NOT_ASSESSED -> -1;
            case CLEAN -> 0;
            case CANNOT_TELL -> 1;
            case ATTEMPTED -> 2;
            case COMPROMISED -> 3;
        };
    }

    private static String list(List<String> servers, int total) {
        return servers.size() + " of " + total + " server" + (total == 1 ? "" : "s") + ": " + String.join(", ", servers) + ".";
    }

    private static void versions(Html html, RunInfo run) {
        html.raw("<dl class=\"versions\">");
        html.element("dt", null, "exhunt").element("dd", null, run.exhuntVersion());
        html.element("dt", null, "rule pack").element("dd", null, run.rulesVersion());
        html.element("dt", null, "knowledge base").element("dd", null,
                run.kbVersion().equals("none") ? "none (no build knowledge applied: exposure not assessed)" : run.kbVersion());
        html.element("dt", null, "scan started").element("dd", null, run.started().toString());
        html.raw("</dl>\n");
    }

    private static void verdicts(Html html, List<ServerResult> results) {
        html.raw("<table id=\"verdict-table\">\n<thead><tr><th>Server</th><th>Row</th><th>Exposure</th>"
                + "<th>Compromise</th><th>Reason</th></tr></thead>\n<tbody>\n");
        for (ServerResult r : results) {
            for (Verdict v : r.verdicts()) {
                html.raw("<tr>");
                html.element("td", null, v.server()).element("td", null, v.row());
                html.raw("<td><span class=\"state exp-").raw(v.exposure().name()).raw("\">")
                        .add(ConsoleReport.exposure(v.exposure())).raw("</span></td>");
                html.raw("<td><span class=\"state cmp-").raw(v.compromise().name()).raw("\">")
                        .add(v.compromise().name()).raw("</span></td>");
                html.raw("<td>").add(v.reason());
                if (!v.detail().equals(v.reason())) {
                    html.raw("<details class=\"detail\"><summary>").add("why").raw("</summary>").add(v.detail()).raw("</details>");
                }
                html.raw("</td></tr>\n");
            }
        }
        html.raw("</tbody>\n</table>\n");
    }

    private static void servers(Html html, List<ServerResult> results) {
        for (ServerResult r : results) {
            html.raw("<h3>").add(r.server()).raw("</h3>\n<p class=\"mono\">").add("read from " + String.join(", ", r.inputs()))
                    .raw("</p>\n");
            List<String> notes = Notes.of(r.facts());
            if (notes.isEmpty()) continue;
            html.raw("<ul>");
            for (String note : notes) html.element("li", null, note);
            html.raw("</ul>\n");
        }
    }

    /** Errors first (input not read: verdicts may miss evidence), then warnings and information. */
    private static void notRead(Html html, List<ServerResult> results) {
        long errors = results.stream().flatMap(r -> r.diagnostics().stream()).filter(Diagnostic::isError).count();
        html.raw("<p>").add(errors == 0 ? "Everything was read." : errors
                + " inputs or rules were not read: the verdicts may miss evidence in them.").raw("</p>\n");
        if (results.stream().allMatch(r -> r.diagnostics().isEmpty())) return;
        html.raw("<table id=\"diagnostics\">\n<thead><tr><th>Server</th><th>Level</th><th>Code</th><th>Where</th>"
                + "<th>Message</th></tr></thead>\n<tbody>\n");
        for (boolean errorsFirst : new boolean[] {true, false}) {
            for (ServerResult r : results) {
                for (Diagnostic d : r.diagnostics()) {
                    if (d.isError() != errorsFirst) continue;
                    String level = d.level().name().toLowerCase(Locale.ROOT);
                    html.raw("<tr class=\"diag-").raw(level).raw("\">");
                    html.element("td", null, r.server());
                    html.raw("<td><span class=\"state ").raw(d.isError() ? "cmp-COMPROMISED" : "cmp-CANNOT_TELL")
                            .raw("\">").add(d.isError() ? "not read" : level).raw("</span></td>");
                    html.element("td", "mono", d.code()).element("td", "where", d.where().toString())
                            .element("td", null, d.message());
                    html.raw("</tr>\n");
                }
            }
        }
        html.raw("</tbody>\n</table>\n");
    }
}
