package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.report.testing.JsonlSchema;
import org.exhunt.report.testing.LineProblems;
import org.junit.jupiter.api.Test;

/** JSON lines hold to docs/jsonl-schema.json and carry each finding's stage and each server's facts as data. */
class JsonlReportTest {

    private final List<JsonNode> lines = lines(Reports.sample(new JsonlReport()));

    private static List<JsonNode> lines(String jsonl) {
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : jsonl.split("\n")) out.add(new ObjectMapper().readTree(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void everyLineConformsToTheSchema() {
        assertThat(LineProblems.of(lines, JsonlSchema::problems)).isEmpty();
    }

    @Test
    void theSchemaRefusesALineWithoutItsStageOrWithAnUndocumentedField() {
        ObjectNode finding = first("finding").deepCopy();
        finding.remove("stage");
        assertThat(JsonlSchema.problems(finding)).isNotEmpty();
        ObjectNode facts = first("facts").deepCopy();
        ((ObjectNode) facts.get("scan")).put("surprise", 1);
        assertThat(JsonlSchema.problems(facts)).isNotEmpty();
    }

    private ObjectNode first(String type) {
        return (ObjectNode) lines.stream().filter(l -> l.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void everyVerdictCarriesItsReasonDetailAndWindowAsData() {
        List<JsonNode> verdicts = lines.stream().filter(l -> l.get("type").asText().equals("verdict")).toList();
        List<org.exhunt.core.Verdict> expected = SampleResults.all().stream().flatMap(r -> r.verdicts().stream()).toList();
        assertThat(verdicts).hasSameSizeAs(expected);
        for (int i = 0; i < verdicts.size(); i++) {
            org.exhunt.core.Verdict v = expected.get(i);
            assertThat(verdicts.get(i).get("reason").asText()).isEqualTo(v.reason());
            assertThat(verdicts.get(i).get("detail").asText()).isEqualTo(v.detail());
            JsonNode window = verdicts.get(i).get("window");
            if (v.window() == null) {
                assertThat(window.isNull()).isTrue();
            } else {
                assertThat(window.get("start").asText()).isEqualTo("2021-08-05T00:00:00Z");
                assertThat(window.get("gaps").get(0).get("to").asText()).isEqualTo("2022-01-02T18:00:00Z");
                assertThat(window.get("covering_logs")).extracting(JsonNode::asText).containsExactly("exchange-httpproxy", "iis");
                assertThat(FactsJson.read(window, org.exhunt.core.facts.ExposureWindow.class)).isEqualTo(v.window());
                JsonNode event = window.get("patch_events").get(0);
                assertThat(event.get("kind").asText()).isEqualTo("MSI_INSTALL");
                assertThat(event.get("uncertainty").asText()).isEqualTo("PT0S");
                assertThat(event.get("build").asText()).isEqualTo("15.1.2176.9");
            }
        }
    }

    @Test
    void everyFindingAndEveryEventItLinksCarriesItsStage() {
        List<String> stages = new ArrayList<>();
        for (JsonNode l : lines) if (l.get("type").asText().equals("finding")) collect(l, stages);
        List<String> expected = new ArrayList<>();
        for (ServerResult r : SampleResults.all()) for (Finding f : r.findings()) collect(f, expected);
        assertThat(stages).hasSize(SampleResults.FINDINGS + SampleResults.LINKED).isEqualTo(expected);
    }

    private static void collect(JsonNode finding, List<String> stages) {
        stages.add(finding.get("rule_id").asText() + " " + finding.get("stage").asText());
        finding.get("linked").forEach(l -> collect(l, stages));
    }

    private static void collect(Finding f, List<String> stages) {
        stages.add(f.ruleId() + " " + f.stage().label());
        f.linked().forEach(l -> collect(l, stages));
    }

    @Test
    void eachServerHasOneFactsLineThatReadsBackAsItsFactsAndNotesThatSayThem() {
        assertThat(lines.stream().filter(l -> l.get("type").asText().equals("facts")))
                .extracting(l -> l.get("server").asText(), FactsJson::read)
                .containsExactly(tuple(SampleResults.SERVER, SampleResults.scanFacts()),
                        tuple(SampleResults.HOSTILE_SERVER, ServerFacts.NONE));
        assertThat(lines.stream().filter(l -> l.get("type").asText().equals("note")).map(l -> l.get("text").asText()))
                .containsExactlyElementsOf(Notes.of(SampleResults.scanFacts()));
    }
}
