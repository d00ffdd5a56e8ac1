package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exhunt.report.testing.EcsSchema;
import org.exhunt.report.testing.SarifSchema;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What to do now and what the attackers touched in the formats other than JSON lines: console, HTML, CSV, ECS, SARIF. */
class ImpactReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String write(ReportWriter writer) {
        return Reports.write(writer, SampleResults.RUN, ImpactSamples.estate());
    }

    @Test
    void theConsoleGivesTheStepsRightAfterTheVerdictTableThenTheImpact() {
        String text = write(new ConsoleReport());
        int table = text.indexOf("shell requested");
        int steps = text.indexOf("What to do now");
        int impact = text.indexOf("What the attackers touched");
        assertThat(table).isPositive();
        assertThat(steps).isGreaterThan(table);
        assertThat(impact).isGreaterThan(steps);
        assertThat(text.indexOf("==")).isGreaterThan(impact);   // the servers' notes and findings come after both
        assertThat(text.substring(steps, impact)).contains(" 1. Take EX1 off the internet now.",
                " 2. Reset the credentials of CONTOSO\\administrator.",
                " 1. Assess what the mail of ceo@contoso.com holds.");
        assertThat(text.substring(impact)).contains("Mailboxes read:", "[shown] CEO@contoso.com through EWS: 7 requests",
                "Mailboxes exported:", "[shown] ceo@contoso.com by New-MailboxExportRequest to \\\\127.0.0.1\\c$\\inetpub\\x.aspx"
                        + " (the file is still on disk) at 2021-08-21T03:13:02Z", "Credentials exposed:",
                "[likely] CONTOSO\\administrator: logged on before LSASS was dumped",
                "every mailbox on EX1 was within the attackers' reach from 2021-03-03T05:52:16Z",
                "Get-Mailbox -Server EX1 -ResultSize Unlimited");
    }

    @Test
    void theConsoleOfAResultWithoutStepsOrImpactHasNeitherSection() {
        String text = Reports.sample(new ConsoleReport());
        assertThat(text).doesNotContain("What to do now", "What the attackers touched");
    }

    @Test
    void hostileTextInAnImpactItemIsShownAsEscapes() {
        assertThat(write(new ConsoleReport())).contains("\\Upd\\u202etxt.exe").doesNotContain(ImpactSamples.HOSTILE_TASK);
        assertThat(Jsoup.parse(write(new HtmlReport())).text()).contains("\\Upd\\u202etxt.exe");
    }

    @Test
    void theHtmlPageListsTheMailboxesAcrossServersAndEachServersStepsAndAccounts() {
        Document page = Jsoup.parse(write(new HtmlReport()));
        assertThat(page.select("section#what-to-do ol.steps li")).extracting(e -> e.attr("data-step"))
                .containsExactly("contain", "reset-credentials", "assess-mailboxes");
        List<List<String>> mailboxes = page.select("table#mailboxes tbody tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).toList()).toList();
        assertThat(mailboxes).containsExactly(
                List.of("CEO@contoso.com", "exported, read", "EX1, EX2", "2021-03-03T06:20:02Z", "2021-08-21T03:13:02Z", "shown"),
                List.of("cfo@contoso.com", "read", "EX1", "2021-03-03T06:21:40Z", "2021-03-03T06:21:40Z", "likely"));
        assertThat(page.select("section#impact h4")).extracting(Element::text).contains("Credentials exposed", "Accounts changed");
        assertThat(page.select("section#impact").text()).contains("added-to-group EX1\\support (Builtin\\Administrators)",
                "read in Security.evtx@24656#24");
        assertThat(page.select("main > section").eachAttr("id")).containsSubsequence("verdicts", "what-to-do", "impact", "timeline");
    }

    @Test
    void theCsvTimelineHasARowPerTimedImpactItemInTimeOrder() throws IOException {
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(write(new CsvTimelineReport())))) {
            rows = parser.getRecords();
        }
        List<CSVRecord> impact = rows.stream().filter(r -> r.get("detector").equals("impact")).toList();
        // EX1: 2 reads, 1 message, 1 logon, 1 account, 1 task, the scope (its limit has no time); EX2: the export
        assertThat(impact).hasSize(8);
        assertThat(impact).extracting(r -> r.get("timestamp_desc")).containsOnly(CsvImpactRows.IMPACT_TIME);
        assertThat(impact).extracting(CSVRecord::size).containsOnly(CsvTimelineReport.COLUMNS.size());
        assertThat(impact).extracting(r -> r.get("datetime")).isSorted();
        assertThat(impact.get(impact.size() - 1).get("rule_id")).isEqualTo("exhunt.impact.mailboxes-exported");
        assertThat(impact.get(impact.size() - 1).get("message")).contains("ceo@contoso.com by New-MailboxExportRequest");
        assertThat(impact).extracting(r -> r.get("tags")).contains("impact,confidence.shown", "impact");
        assertThat(rows).extracting(r -> r.get("datetime")).isSorted();
    }

    @Test
    void ecsHasAnImpactDocumentPerItemThatConformsToEcs() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : write(new EcsReport()).split("\n")) docs.add(JSON.readTree(line));
        List<JsonNode> impact = docs.stream().filter(d -> d.at("/event/dataset").asText().equals("exhunt.impact")).toList();
        assertThat(impact).hasSize(9);   // EX1: 7 items and its limit; EX2: the export
        for (JsonNode doc : impact) assertThat(EcsSchema.problems(doc)).as("%s", doc).isEmpty();
        JsonNode export = impact.get(impact.size() - 1);
        assertThat(export.at("/@timestamp").asText()).isEqualTo("2021-08-21T03:13:02Z");
        assertThat(export.at("/exhunt/impact/subject").asText()).isEqualTo("ceo@contoso.com");
        assertThat(export.at("/exhunt/impact/confidence").asText()).isEqualTo("shown");
        assertThat(export.at("/host/name").asText()).isEqualTo("EX2");
    }

    @Test
    void sarifCarriesTheStepsAsTextFixesAndStaysValid() throws IOException {
        JsonNode sarif = JSON.readTree(write(new SarifReport()));
        assertThat(SarifSchema.problems(sarif)).isEmpty();
        JsonNode fixes = sarif.at("/runs/0/properties/fixes");
        assertThat(fixes).extracting(f -> f.get("server").asText() + " " + f.get("order").asInt() + " " + f.get("step").asText())
                .containsExactly("EX1 1 contain", "EX1 2 reset-credentials", "EX2 1 assess-mailboxes");
        assertThat(fixes.get(1).get("text").asText()).isEqualTo("Reset the credentials of CONTOSO\\administrator.");
    }
}
