package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ServerFacts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTML report parsed by an independent HTML5 parser (jsoup) the way a browser would: it loads nothing,
 * allows only its own style and script, shows hostile text as text, and shows every verdict, finding and
 * diagnostic of the results. {@code HtmlReportBrowserIT} then opens it in a real Chromium.
 */
class HtmlReportTest {

    private final String html = Reports.sample(new HtmlReport());
    private final Document page = Jsoup.parse(html);

    @Test
    void theContentSecurityPolicyComesFirstAndAllowsExactlyTheInlineStyleAndScriptByHash() throws Exception {
        Element head = page.head();
        assertThat(head.child(0).attr("charset")).isEqualTo("utf-8");
        Element csp = head.child(1);
        assertThat(csp.attr("http-equiv")).isEqualTo("Content-Security-Policy");
        String policy = csp.attr("content");
        assertThat(policy).startsWith("default-src 'none';").contains("base-uri 'none'", "form-action 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "data:", "*");

        Elements styles = page.select("style");
        Elements scripts = page.select("script");
        assertThat(styles).hasSize(1);
        assertThat(scripts).hasSize(1);
        assertThat(policy).contains("style-src '" + sha256(styles.get(0).data()) + "'")
                .contains("script-src '" + sha256(scripts.get(0).data()) + "'");
    }

    private static String sha256(String text) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "sha256-" + Base64.getEncoder().encodeToString(d);
    }

    @Test
    void nothingCanLoadOrLinkAnywhere() {
        assertThat(page.select("a, img, link, iframe, frame, object, embed, base, audio, video, source, use, image")).isEmpty();
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase();
                assertThat(name).as("attribute on <%s>", e.tagName())
                        .isNotIn("src", "href", "xlink:href", "action", "formaction", "srcset", "background", "poster", "style")
                        .doesNotStartWith("on");
            }
        }
    }

    @Test
    void hostileTextIsShownAsTextAndNeverBecomesMarkup() {
        String text = page.body().text();
        assertThat(text).contains(SampleResults.IMG_INJECTION, SampleResults.SCRIPT_INJECTION,
                "runat=\"server\">function Page_Load()", "=HYPERLINK(");
        assertThat(html).doesNotContain(SampleResults.IMG_INJECTION).doesNotContain("<script>document");
        assertThat(text).as("the right-to-left override is made visible").contains("\\u202excod.aspx");
        assertThat(page.select("#verdict-table td").eachText()).contains(SampleResults.HOSTILE_SERVER);
        assertThat(page.title()).contains(SampleResults.HOSTILE_SERVER);
    }

    @Test
    void ruleReferencesAreTextNotLinks() {
        Elements refs = page.select("span.ref");
        assertThat(refs).extracting(Element::text).contains(SampleResults.REFERENCE, "javascript:alert(1)");
        assertThat(refs).allSatisfy(r -> assertThat(r.children()).isEmpty());
    }

    @Test
    void theVerdictTableHasEveryVerdictOfEveryServer() {
        Elements rows = page.select("#verdict-table tbody tr");
        List<Verdict> verdicts = SampleResults.all().stream().flatMap(r -> r.verdicts().stream()).toList();
        assertThat(rows).hasSize(verdicts.size());
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            Elements cells = rows.get(i).select("td");
            assertThat(cells.eachText().subList(0, 4)).containsExactly(v.server(), v.row(),
                    ConsoleReport.exposure(v.exposure()), v.compromise().name());
            assertThat(cells.get(4).ownText()).isEqualTo(v.reason());
            // the whole explanation folds out under the reason when it says more
            assertThat(cells.get(4).select("details.detail").stream().map(Element::ownText).toList())
                    .containsExactlyElementsOf(v.detail().equals(v.reason()) ? List.of() : List.of(v.detail()));
            assertThat(rows.get(i).select("span.cmp-" + v.compromise().name())).hasSize(1);
        }
        assertThat(page.getElementById("answer").text()).startsWith("Evidence of compromise on 1 of 2 servers: ex01.")
                .contains("not read");
    }

    @Test
    void theFindingsTableHasARowPerFindingAndLinkedEventGroupedWithItsFinding() {
        Elements rows = page.select("#findings-table tbody tr[data-group]");
        assertThat(rows).hasSize(SampleResults.FINDINGS + SampleResults.LINKED);
        Element chain = rows.get(0);
        assertThat(chain.select("td.finding strong").text()).startsWith("ProxyLogon chain");
        assertThat(chain.attr("data-level")).isEqualTo("critical");
        Elements linked = page.select("#findings-table tr.linked");
        assertThat(linked).hasSize(SampleResults.LINKED)
                .allSatisfy(r -> assertThat(r.attr("data-group")).isEqualTo(chain.attr("data-group")));
        assertThat(linked.get(0).select("td.evidence").text()).contains("ClientIpAddress: 203.0.113.7");
        assertThat(rows.last().select("td.time").text()).isEqualTo("no time");
        assertThat(page.select("#findings-table tr.nothing").hasAttr("hidden")).isTrue();
    }

    @Test
    void theTimelineDrawsEveryTimedEventAndPointsAtItsRow() {
        Elements dots = page.select("svg.timeline circle[data-row]");
        assertThat(dots).hasSize(SampleResults.FINDINGS + SampleResults.LINKED - 1);
        for (Element dot : dots) {
            assertThat(page.getElementById(dot.attr("data-row"))).as(dot.attr("data-row")).isNotNull();
            assertThat(dot.selectFirst("title")).isNotNull();
        }
        assertThat(page.select("svg.timeline line.link")).hasSize(SampleResults.LINKED);
        assertThat(page.select("section#timeline").text()).contains("1 finding or event has no time");
    }

    @Test
    void versionsNotesAndWhatWasNotReadAreThere() {
        assertThat(page.select("dl.versions").text()).contains("exhunt 0.1.0", "rule pack 2026.11.28",
                "knowledge base 2026.11.20", "scan started 2026-11-28T09:00:00Z");
        assertThat(page.select("#servers li").eachText()).containsExactlyElementsOf(
                Notes.of(SampleResults.scanFacts()).stream().map(String::strip).toList());
        Elements diagnostics = page.select("#diagnostics tbody tr");
        assertThat(diagnostics).extracting(r -> r.select("td").get(2).text())
                .containsExactly("evtx.truncated", "iis.fields-changed", "layout.install-path");
        assertThat(diagnostics.get(0).text()).contains("not read", "MSExchange Management.evtx@196608");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            COMPROMISED | Evidence of compromise on 1 of 2 servers: a.
            ATTEMPTED   | Exploitation attempts, no sign of success, on 1 of 2 servers: a.
            CANNOT_TELL | No evidence of compromise, but the evidence cannot tell for some rows on 1 of 2 servers: a.
            CLEAN       | No evidence of compromise on 2 of 2 servers: a, b.
            """)
    void theAnswerNamesTheMostAlarmingStateAndItsServers(Compromise worst, String answer) {
        List<ServerResult> results = List.of(
                new ServerResult("a", List.of(), List.of(new Verdict("a", "ProxyShell", Exposure.PATCHED, Compromise.CLEAN, "x"),
                        new Verdict("a", "ProxyLogon", Exposure.VULNERABLE, worst, "y")), List.of(), List.of(), ServerFacts.NONE),
                new ServerResult("b", List.of(), List.of(new Verdict("b", "ProxyLogon", Exposure.PATCHED, Compromise.CLEAN, "z")),
                        List.of(), List.of(), ServerFacts.NONE));
        Document page = Jsoup.parse(Reports.write(new HtmlReport(), SampleResults.RUN, results));
        assertThat(page.getElementById("answer").text()).isEqualTo(answer);
        assertThat(page.getElementById("answer").hasClass("cmp-" + worst.name())).isTrue();
    }

    @Test
    void aCleanRunWithNothingFoundSaysSo() {
        ServerResult clean = SampleResults.ex02();
        Document empty = Jsoup.parse(Reports.write(new HtmlReport(), SampleResults.RUN, List.of(clean)));
        assertThat(empty.getElementById("answer").text()).isEqualTo("No evidence of compromise on 1 of 1 server: "
                + clean.server() + ".");
        assertThat(empty.select("#timeline").text()).contains("No evidence to show on a timeline.");
        assertThat(empty.select("#findings-table tr.nothing").text()).isEqualTo("No findings.");
        assertThat(empty.select("#not-read").text()).contains("Everything was read.");
    }

    @Test
    void theTimelineShowsTheExposureWindowBehindAChainsFindings() {
        Finding attempt = Finding.builder("sigma", "ssrf").title("SSRF").severity(org.exhunt.core.Severity.HIGH)
                .chain("ProxyShell").stage(org.exhunt.core.Stage.ATTEMPT).time(java.time.Instant.parse("2022-01-05T10:00:00Z"))
                .source(org.exhunt.core.SourceRef.line("u_ex220105.log", 4)).build();
        ServerResult r = new ServerResult("a", List.of(), List.of(new Verdict("a", "ProxyShell", Exposure.PATCHED,
                Compromise.ATTEMPTED, "1 exploit request", "1 exploit request", SampleResults.PROXYSHELL_WINDOW)),
                List.of(attempt), List.of(), ServerFacts.NONE);
        Document page = Jsoup.parse(Reports.write(new HtmlReport(), SampleResults.RUN, List.of(r)));
        // the axis shows the finding's day: there the server was exposed, and the logs covered it
        assertThat(page.select("svg.timeline rect.exposed")).singleElement()
                .satisfies(e -> assertThat(e.text()).startsWith("ProxyShell: possibly exposed 2021-08-05 00:00 to 2022-01-11 09:30 UTC"));
        assertThat(page.select("svg.timeline rect.uncovered")).isEmpty();
    }
}
