package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.MapRecord;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.Tally;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;

/**
 * The rule pack's Sigma rules on their cases ({@code rulepack/sigma/cases.jsonl}): each fires on its positive
 * cases and not on its benign look-alikes, through the same routing, placeholders, correlation and attribution
 * as a scan. A case is one record, or for a correlation the records of a sequence.
 */
class RulePackSigmaTest {

    private static final RulePack PACK = RulePack.bundled();
    private static final String INSTALL = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\";
    private static final Instant DEFAULT_TIME = Instant.parse("2021-03-03T00:00:00Z");

    private record Case(String rule, boolean fires, String why, List<MapRecord> records) {}

    @Test
    void thePackLoadsWithoutAnyProblem() {
        List<Diagnostic> problems = new ArrayList<>();
        detector(problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRuleFiresOnItsCasesAndOnlyOnThem() throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        SigmaDetector detector = detector(problems);
        Map<String, String> ids = ruleIds();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            boolean fired = run(detector, c, problems).stream().anyMatch(f -> f.ruleId().equals(ids.get(c.rule())));
            if (fired != c.fires()) wrong.add(c.rule() + (c.fires() ? " did not fire: " : " fired: ") + c.why());
        }
        assertThat(wrong).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void aSequenceFindingIsAttributedToItsChainAndStageAndLinksItsSteps() throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        String rule = "proxyshell_role_then_export_not_pst";
        Case sequence = cases().stream().filter(c -> c.rule().equals(rule) && c.fires()).findFirst().orElseThrow();
        Finding f = run(detector(problems), sequence, problems).stream()
                .filter(x -> x.ruleId().equals(ruleIds().get(rule))).findFirst().orElseThrow();
        assertThat(f.chain()).isEqualTo("ProxyShell");
        assertThat(f.stage()).isEqualTo(Stage.SUCCESS);
        assertThat(f.time()).as("the time of the step that completes it").isEqualTo(sequence.records().get(1).time());
        assertThat(f.linked()).hasSize(2);
    }

    /** A case's records through the detector, then the correlations over them: every finding, in order. */
    private static List<Finding> run(SigmaDetector detector, Case c, List<Diagnostic> problems) {
        List<Finding> found = new ArrayList<>();
        for (MapRecord r : c.records()) detector.examine(r, found::add);
        detector.finish(new DetectionSink() {
            @Override public void finding(Finding f) { found.add(f); }
            @Override public void problem(Diagnostic d) { problems.add(d); }
            @Override public void tally(Tally fact, long count) {
                problems.add(Diagnostic.warning("test.tally", SourceRef.file("cases.jsonl"), count + " " + fact));
            }
        });
        return found;
    }

    @Test
    void everyRuleHasAPositiveCaseAndABenignLookAlike() throws IOException {
        Map<String, Set<Boolean>> kinds = new TreeMap<>();
        for (Case c : cases()) kinds.computeIfAbsent(c.rule(), k -> new TreeSet<>()).add(c.fires());
        for (String rule : ruleIds().keySet()) {
            assertThat(kinds.get(rule)).as(rule).containsExactly(false, true);
        }
    }

    @Test
    void everyRuleNamesItsStageAndAChainOrNone() {
        for (String file : PACK.list("sigma/")) {
            if (!file.endsWith(".yml")) continue;
            assertThat(PACK.text(file)).as(file).contains(Stage.TAG_PREFIX);
        }
    }

    private static SigmaDetector detector(List<Diagnostic> problems) {
        ChainAttribution attribution = new ChainAttribution(PACK.knowledgeBase().rows(), PACK.text(ChainAttribution.FILE),
                problems::add);
        SigmaHunt hunt = SigmaHunt.load(PACK, List.of(), List.of(), attribution, problems::add);
        return hunt.forServer(INSTALL, problems::add);
    }

    /** Rule file name without {@code .yml} -> its id. */
    private static Map<String, String> ruleIds() {
        Map<String, String> ids = new TreeMap<>();
        Pattern id = Pattern.compile("(?m)^id: (\\S+)$");
        for (String file : PACK.list("sigma/")) {
            if (!file.endsWith(".yml")) continue;
            Matcher m = id.matcher(PACK.text(file));
            assertThat(m.find()).as(file + " has an id").isTrue();
            ids.put(file.substring(file.lastIndexOf('/') + 1, file.length() - ".yml".length()), m.group(1));
        }
        return ids;
    }

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = RulePackSigmaTest.class.getResourceAsStream("/rulepack/sigma/cases.jsonl")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                JsonNode c = json.readTree(lines[i]);
                List<MapRecord> records = new ArrayList<>();
                for (JsonNode r : c.has("records") ? toList(c.get("records")) : List.of(c)) {
                    records.add(record(r, SourceRef.line("cases.jsonl", i + 1)));
                }
                out.add(new Case(c.get("rule").asText(), c.get("fires").asBoolean(), c.get("why").asText(), records));
            }
        }
        return out;
    }

    /** One record of a case: its type, its fields (a list for a repeated field) and, optionally, its time. */
    private static MapRecord record(JsonNode r, SourceRef where) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        r.get("fields").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
            else values.add(e.getValue().asText());
            fields.put(e.getKey(), values);
        });
        Instant time = r.has("time") ? Instant.parse(r.get("time").asText()) : DEFAULT_TIME;
        return MapRecord.withRepeats(r.get("type").asText(), fields, fields.toString(), time, where);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
