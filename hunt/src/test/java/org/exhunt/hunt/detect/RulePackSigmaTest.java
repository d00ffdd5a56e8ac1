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
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.verdict.Stage;
import org.junit.jupiter.api.Test;

/**
 * The rule pack's Sigma rules on their cases ({@code rulepack/sigma/cases.jsonl}): each fires on its positive
 * cases and not on its benign look-alikes, through the same routing, placeholders and attribution as a scan.
 */
class RulePackSigmaTest {

    private static final RulePack PACK = RulePack.bundled();
    private static final String INSTALL = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\";

    private record Case(String rule, boolean fires, String why, MapRecord record) {}

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
            List<Finding> found = new ArrayList<>();
            detector.examine(c.record(), found::add);
            boolean fired = found.stream().anyMatch(f -> f.ruleId().equals(ids.get(c.rule())));
            if (fired != c.fires()) wrong.add(c.rule() + (c.fires() ? " did not fire: " : " fired: ") + c.why());
        }
        assertThat(wrong).isEmpty();
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
        return hunt.forServer(INSTALL, problems::add, note -> { });
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
                Map<String, List<String>> fields = new LinkedHashMap<>();
                c.get("fields").fields().forEachRemaining(e -> {
                    List<String> values = new ArrayList<>();
                    if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
                    else values.add(e.getValue().asText());
                    fields.put(e.getKey(), values);
                });
                MapRecord record = MapRecord.withRepeats(c.get("type").asText(), fields, fields.toString(),
                        Instant.parse("2021-03-03T00:00:00Z"), SourceRef.line("cases.jsonl", i + 1));
                out.add(new Case(c.get("rule").asText(), c.get("fires").asBoolean(), c.get("why").asText(), record));
            }
        }
        return out;
    }
}
