package org.exhunt.report;

import java.time.Instant;
import java.util.List;
import org.exhunt.core.IsoTime;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.Impact;

/**
 * The HTML report's two sections after the verdicts: "What to do now" (each server's steps in order, with why and the
 * guidance they follow, as text), and "What the attackers touched": the mailboxes across the servers (the notification
 * list, {@link MailboxList}), then each server's items by section, accounts and credentials among them, each with how
 * sure it is. Self-contained: the report calls it once; it writes nothing when no server has steps or impact.
 */
final class HtmlResponse {

    private HtmlResponse() {}

    static void write(Html html, List<ServerResult> results) {
        actions(html, results);
        impact(html, results);
    }

    private static void actions(Html html, List<ServerResult> results) {
        if (results.stream().allMatch(r -> r.facts().actions().isEmpty())) return;
        html.raw("<section id=\"what-to-do\">\n<h2>What to do now</h2>\n");
        for (ServerResult r : results) {
            if (r.facts().actions().isEmpty()) continue;
            html.raw("<h3>").add(r.server()).raw("</h3>\n<ol class=\"steps\">\n");
            for (Action a : r.facts().actions()) {
                html.raw("<li data-step=\"").add(a.step()).raw("\">").add(a.text()).raw("<br><small>")
                        .add("because " + a.why() + (a.sources().isEmpty() ? "" : "; guidance: " + String.join(" ", a.sources())))
                        .raw("</small></li>\n");
            }
            html.raw("</ol>\n");
        }
        html.raw("</section>\n");
    }

    private static void impact(Html html, List<ServerResult> results) {
        if (results.stream().allMatch(r -> ImpactWords.of(r.facts()).none())) return;
        html.raw("<section id=\"impact\">\n<h2>What the attackers touched</h2>\n");
        List<MailboxList.Entry> mailboxes = MailboxList.of(results);
        if (!mailboxes.isEmpty()) {
            html.raw("<h3>Mailboxes read or exported</h3>\n<table id=\"mailboxes\">\n<thead><tr><th>Mailbox</th><th>How</th>"
                    + "<th>Servers</th><th>First</th><th>Last</th><th>Confidence</th></tr></thead>\n<tbody>\n");
            for (MailboxList.Entry m : mailboxes) {
                html.raw("<tr>").element("td", "mono", m.mailbox()).element("td", null, String.join(", ", m.how()))
                        .element("td", null, String.join(", ", m.servers())).element("td", "mono", time(m.first()))
                        .element("td", "mono", time(m.last()))
                        .element("td", null, m.confidence() == null ? "" : m.confidence().label()).raw("</tr>\n");
            }
            html.raw("</tbody>\n</table>\n");
        }
        for (ServerResult r : results) {
            Impact impact = ImpactWords.of(r.facts());
            if (impact.none()) continue;
            html.raw("<h3>").add(r.server()).raw("</h3>\n");
            String section = null;
            for (ImpactWords.Line line : ImpactWords.lines(impact)) {
                if (!line.section().equals(section)) {
                    if (section != null) html.raw("</ul>\n");
                    section = line.section();
                    html.raw("<h4>").add(section).raw("</h4>\n<ul class=\"impact\">\n");
                }
                html.raw("<li>");
                if (line.confidence() != null) html.element("span", "confidence", line.confidence().label()).raw(" ");
                html.add(line.text());
                if (!line.records().isEmpty()) html.raw("<br>").element("small", "where", "read in " + String.join("; ", line.records()));
                html.raw("</li>\n");
            }
            html.raw("</ul>\n");
        }
        html.raw("</section>\n");
    }

    private static String time(Instant t) {
        return t == null ? "" : IsoTime.format(t);
    }
}
