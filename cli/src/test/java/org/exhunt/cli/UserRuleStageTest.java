package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own Sigma rules ({@code --sigma}) that state no stage, firing on the clean example image's IIS log: one of
 * level medium and no chain, one of level medium tagged with a ProxyLogon CVE. Each gets one stage, the one the
 * verdicts count it at, and every format says that same stage: the first is context (no row counts it, the console
 * files it under context), the second an attempt of ProxyLogon (its row is ATTEMPTED, naming it).
 */
class UserRuleStageTest {

    private static final String CONTEXT_RULE = "c0ffee00-0000-4000-8000-00000000c0de";
    private static final String CONTEXT_TITLE = "OWA logon page asked for with reason=0";
    private static final String ATTEMPT_RULE = "c0ffee00-0000-4000-8000-0000000a77e3";
    private static final String ATTEMPT_TITLE = "POST to OWA's auth.owa (a user's idea of a ProxyLogon sign)";

    @TempDir
    static Path tmp;

    private static CliRun console;
    private static Path prefix;

    @BeforeAll
    static void scanTheCleanImageWithTwoUserRules() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("logon-reason.yml"), """
                title: %s
                id: %s
                logsource: {category: webserver}
                detection:
                    sel:
                        cs-uri-query|contains: 'reason=0'
                        c-ip: '10.20.30.41'
                    condition: sel
                level: medium
                """.formatted(CONTEXT_TITLE, CONTEXT_RULE));
        Files.writeString(rules.resolve("auth-owa-post.yml"), """
                title: %s
                id: %s
                tags: [cve.2021-26855]
                logsource: {category: webserver}
                detection:
                    sel:
                        cs-method: POST
                        cs-uri-query|startswith: '/owa/auth.owa'
                        c-ip: '10.20.30.41'
                    condition: sel
                level: medium
                """.formatted(ATTEMPT_TITLE, ATTEMPT_RULE));
        Path image = Examples.example("clean");
        console = CliRun.of("scan", "--no-progress", "--sigma", rules.toString(), image.toString());
        prefix = tmp.resolve("report");
        CliRun formats = CliRun.of("scan", "--no-progress", "--sigma", rules.toString(), "--format",
                "jsonl,sarif,ecs,csv,html", "-o", prefix.toString(), image.toString());
        assertThat(formats.err()).isEmpty();
        assertThat(formats.code()).isEqualTo(console.code()).isEqualTo(ExitCodes.COMPROMISE);
    }

    @Test
    void theVerdictsCountTheMediumRuleWithoutAChainAsContextAndTheCveTaggedOneAsAProxyLogonAttempt() throws IOException {
        List<JsonNode> verdicts = JsonlResult.ofType(JsonlResult.lines(file("jsonl")), "verdict");
        assertThat(verdicts).noneSatisfy(v -> assertThat(v.get("reason").asText()).contains(CONTEXT_TITLE));
        JsonNode post = verdicts.stream().filter(v -> v.get("row").asText().equals("Post-exploitation")).findFirst().orElseThrow();
        assertThat(post.get("compromise").asText()).isEqualTo("CLEAN");
        JsonNode proxyLogon = verdicts.stream().filter(v -> v.get("row").asText().equals("ProxyLogon")).findFirst().orElseThrow();
        assertThat(proxyLogon.get("compromise").asText()).isEqualTo("ATTEMPTED");
        assertThat(proxyLogon.get("reason").asText()).contains("1 exploit request from 10.20.30.41");
        assertThat(proxyLogon.get("detail").asText()).contains("(first: " + ATTEMPT_TITLE + ")");
    }

    @Test
    void theConsoleFilesEachUnderWhatItCountedFor() {
        String out = console.out();
        String context = section(out, "  -- Context (not evidence of compromise by itself)");
        String proxyLogon = section(out, "  -- ProxyLogon");
        assertThat(context).contains(CONTEXT_TITLE).doesNotContain(ATTEMPT_TITLE);
        assertThat(proxyLogon).contains(ATTEMPT_TITLE).doesNotContain(CONTEXT_TITLE);
        assertThat(out).doesNotContain("  -- Post-exploitation");
    }

    /** The lines of a console group, from its header to the next group or the end of the findings. */
    private static String section(String out, String header) {
        int start = out.indexOf(header);
        assertThat(start).as("a group %s in:%n%s", header, out).isNotNegative();
        int end = out.indexOf("\n  -- ", start + header.length());
        return out.substring(start, end < 0 ? out.length() : end);
    }

    @Test
    void jsonLinesSayTheStage() throws IOException {
        assertThat(stages(JsonlResult.ofType(JsonlResult.lines(file("jsonl")), "finding"), "/rule_id", "/stage"))
                .containsExactlyInAnyOrder(CONTEXT_RULE + " context", ATTEMPT_RULE + " attempt");
    }

    @Test
    void sarifSaysTheStage() throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(file("sarif").toFile());
        List<JsonNode> results = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(results::add);
        assertThat(stages(results, "/ruleId", "/properties/stage"))
                .containsExactlyInAnyOrder(CONTEXT_RULE + " context", ATTEMPT_RULE + " attempt");
    }

    @Test
    void ecsSaysTheStage() throws IOException {
        List<JsonNode> alerts = JsonlResult.lines(tmp.resolve("report.ecs.jsonl")).stream()
                .filter(d -> d.at("/event/kind").asText().equals("alert")).toList();
        assertThat(stages(alerts, "/rule/id", "/exhunt/stage"))
                .containsExactlyInAnyOrder(CONTEXT_RULE + " context", ATTEMPT_RULE + " attempt");
    }

    @Test
    void theCsvTimelineSaysTheStage() throws IOException {
        List<String> stages = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file("csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get("rule_id").startsWith("c0ffee00")) stages.add(r.get("rule_id") + " " + r.get("stage"));
            }
        }
        assertThat(stages).containsExactlyInAnyOrder(CONTEXT_RULE + " context", ATTEMPT_RULE + " attempt");
    }

    @Test
    void theHtmlFindingsTableSaysTheStageAndFiltersByIt() throws IOException {
        Document page = Jsoup.parse(file("html").toFile(), "UTF-8");
        List<String> stages = new ArrayList<>();
        for (Element row : page.select("#findings-table tr[data-stage]")) {
            String meta = row.select("td.finding div.meta").first().text();
            if (meta.contains("c0ffee00")) stages.add(meta.substring(meta.indexOf("c0ffee00")).split(" ")[0] + " " + row.attr("data-stage"));
        }
        assertThat(stages).containsExactlyInAnyOrder(CONTEXT_RULE + " context", ATTEMPT_RULE + " attempt");
        assertThat(page.select("#filters select[name=stage] option").eachAttr("value")).contains("context", "attempt");
    }

    private static List<String> stages(List<JsonNode> nodes, String rulePointer, String stagePointer) {
        return nodes.stream().filter(n -> n.at(rulePointer).asText().startsWith("c0ffee00"))
                .map(n -> n.at(rulePointer).asText() + " " + n.at(stagePointer).asText()).toList();
    }

    private static Path file(String extension) {
        return tmp.resolve("report." + extension);
    }
}
