package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.IsoTime;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;

/**
 * The findings table of the HTML report: one row per finding, followed by a row for each event it links (its time,
 * level, the finding with its server, chain, stage, rule and metadata, where it was read, its evidence), and above it
 * the filters (server, chain, stage, detector, lowest level) and a search box. The filters are a
 * hidden form that the page's script reveals: without the script, every row shows.
 */
final class HtmlFindingsTable {

    /** A table row: its element id, the finding group it belongs to, and what it shows. */
    record Row(String id, int group, TimelineEvent event) {}

    /** What a finding without a chain is filed under in the chain filter. */
    static final String NO_CHAIN = "(no chain)";

    private HtmlFindingsTable() {}

    /** The rows in table order; the timeline chart uses the same ids to point at them. */
    static List<Row> rows(List<List<TimelineEvent>> groups) {
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (TimelineEvent e : groups.get(g)) rows.add(new Row("row-" + rows.size(), g, e));
        }
        return rows;
    }

    static void write(Html html, List<Row> rows) {
        int findings = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).group() + 1;
        int linked = rows.size() - findings;
        html.raw("<p class=\"muted\">").add(count(findings, "finding")
                + (linked > 0 ? ", with " + count(linked, "linked event") : "")).raw("</p>\n");
        filters(html, rows);
        html.raw("<table id=\"findings-table\">\n<thead><tr><th>Time (UTC)</th><th>Level</th><th>Finding</th>"
                + "<th>Where</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) row(html, row);
        html.raw("<tr class=\"nothing\"").raw(rows.isEmpty() ? "" : " hidden").raw("><td colspan=\"5\">")
                .add(rows.isEmpty() ? "No findings." : "No finding matches the filters.").raw("</td></tr>\n");
        html.raw("</tbody>\n</table>\n");
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void filters(Html html, List<Row> rows) {
        html.raw("<form id=\"filters\" class=\"filters\" hidden>\n");
        select(html, "server", "Server", values(rows, r -> r.event().server()));
        select(html, "chain", "Chain", values(rows, r -> chain(r.event().finding())));
        html.raw("<label>Stage<select name=\"stage\"><option value=\"\">all</option>");
        for (Stage s : Stage.values()) {
            if (rows.stream().anyMatch(r -> r.event().depth() == 0 && r.event().finding().stage() == s)) {
                html.raw("<option value=\"").add(s.label()).raw("\">").add(s.label()).raw("</option>");
            }
        }
        html.raw("</select></label>\n");
        select(html, "detector", "Detector", values(rows, r -> r.event().finding().detector()));
        html.raw("<label>Level at least<select name=\"level\"><option value=\"\">any</option>");
        for (Severity s : Severity.values()) {
            html.raw("<option value=\"").add(s.label()).raw("\">").add(s.label()).raw("</option>");
        }
        html.raw("</select></label>\n<label>Search<input type=\"search\" name=\"q\" "
                + "placeholder=\"text in any column, e.g. an IP or a file name\"></label>\n"
                + "<button type=\"reset\">Clear</button>\n<output id=\"shown\"></output>\n</form>\n");
    }

    private static List<String> values(List<Row> rows, Function<Row, String> value) {
        TreeSet<String> values = new TreeSet<>();
        for (Row r : rows) if (r.event().depth() == 0) values.add(value.apply(r));
        return new ArrayList<>(values);
    }

    private static void select(Html html, String name, String label, List<String> values) {
        html.raw("<label>").add(label).raw("<select name=\"").raw(name).raw("\"><option value=\"\">all</option>");
        for (String v : values) html.raw("<option value=\"").add(v).raw("\">").add(v).raw("</option>");
        html.raw("</select></label>\n");
    }

    static String chain(Finding f) {
        return f.chain() == null ? NO_CHAIN : f.chain();
    }

    private static void row(Html html, Row row) {
        TimelineEvent e = row.event();
        Finding f = e.finding();
        boolean linked = e.depth() > 0;
        html.raw("<tr id=\"").raw(row.id()).raw("\" data-group=\"").raw(Integer.toString(row.group()))
                .raw("\" data-finding=\"").raw(e.id()).raw("\"");
        if (linked) html.raw(" class=\"linked\"");
        html.raw(" data-server=\"").add(e.server()).raw("\" data-chain=\"").add(chain(f))
                .raw("\" data-stage=\"").add(f.stage().label())
                .raw("\" data-detector=\"").add(f.detector()).raw("\" data-level=\"").add(f.severity().label())
                .raw("\">");
        html.raw("<td class=\"time\">").add(f.time() == null ? "no time" : IsoTime.format(f.time()));
        if (e.isFileTime()) html.raw("<div class=\"meta\">file modified</div>");
        html.raw("</td>");
        html.raw("<td><span class=\"state lvl-").add(f.severity().label()).raw("\">").add(f.severity().label())
                .raw("</span></td>");
        html.raw("<td class=\"finding\">");
        if (linked) html.add("↳ linked: ");
        html.raw("<strong>").add(f.title()).raw("</strong>");
        html.raw("<div class=\"meta\"><span class=\"server\">").add(e.server()).raw("</span> · <span class=\"chain\">")
                .add(f.chain() == null ? "no chain" : f.chain()).raw("</span> · stage ").add(f.stage().label())
                .add(" · rule " + f.ruleId() + " (" + f.detector() + ")");
        if (!f.tags().isEmpty()) html.add(" · tags " + String.join(", ", f.tags()));
        html.raw("</div>");
        meta(html, f.meta());
        html.raw("</td>");
        html.raw("<td class=\"where\">").raw(Html.path(f.source().toString())).raw("</td>");
        html.raw("<td class=\"evidence\">");
        boolean first = true;
        for (Evidence ev : f.evidence()) {
            if (!first) html.raw("\n");
            html.raw("<b>").add(ev.name()).raw("</b>: ").raw(Html.evidence(ev.value()));
            first = false;
        }
        html.raw("</td></tr>\n");
    }

    /**
     * Rule metadata as text, in the rule's order. A reference is a URL the rule's author gave: shown, never
     * linked or loaded.
     */
    private static void meta(Html html, Map<String, String> meta) {
        meta.entrySet().forEach(m -> {
            html.raw("<div class=\"meta\">").add(m.getKey() + ": ");
            if (Objects.equals(m.getKey(), "reference")) html.raw("<span class=\"ref\">").add(m.getValue()).raw("</span>");
            else html.raw(Html.prose(m.getValue()));
            html.raw("</div>");
        });
    }
}
