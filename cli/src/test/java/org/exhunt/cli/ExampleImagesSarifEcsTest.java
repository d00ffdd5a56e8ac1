package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.report.FactsJson;
import org.exhunt.report.testing.EcsIndexTemplate;
import org.exhunt.report.testing.EcsSchema;
import org.exhunt.report.testing.JsonlSchema;
import org.exhunt.report.testing.LineProblems;
import org.exhunt.report.testing.SarifSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF log and the ECS documents of a real scan of every example image under examples/ (one scan, one
 * server per image, {@code exhunt scan --format sarif,ecs,jsonl -o PREFIX}), held to the same references as
 * the report module's hand-built fixtures: the OASIS SARIF 2.1.0 schema ({@link SarifSchema}) and Elastic's
 * ECS field definitions ({@link EcsSchema}). The JSON lines of the same scan say what each must carry: every
 * finding, linked event, verdict, diagnostic and the facts of every server, and the versions.
 */
class ExampleImagesSarifEcsTest {

    @TempDir
    static Path tmp;

    private static List<String> images;
    private static List<JsonNode> jsonl;
    private static JsonNode sarif;
    private static List<JsonNode> ecs;

    @BeforeAll
    static void scanEveryExampleImageOnce() throws IOException {
        images = ExampleImages.names();
        Path prefix = tmp.resolve("examples");
        List<String> args = new ArrayList<>(List.of("scan", "--no-progress", "--quiet", "--format", "sarif,ecs,jsonl", "-o",
                prefix.toString()));
        images.forEach(name -> args.add(ExampleImages.image(name).toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.err()).as("standard error of the scan").isEmpty();
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        jsonl = JsonlResult.lines(tmp.resolve("examples.jsonl"));
        sarif = new ObjectMapper().readTree(tmp.resolve("examples.sarif").toFile());
        ecs = JsonlResult.lines(tmp.resolve("examples.ecs.jsonl"));
        assertThat(perServer(JsonlResult.ofType(jsonl, "verdict"), v -> 1).keySet())
                .as("one server per image").containsExactlyElementsOf(images);
    }

    @Test
    void everyJsonLineConformsToItsSchemaWithAStageOnEveryFindingAndTheFactsOfEveryServer() {
        assertThat(LineProblems.of(jsonl, JsonlSchema::problems)).isEmpty();
        assertThat(JsonlResult.ofType(jsonl, "facts")).extracting(f -> f.get("server").asText())
                .as("one facts line per server").containsExactlyElementsOf(images);
        assertThat(JsonlResult.ofType(jsonl, "facts")).allSatisfy(f -> {
            assertThat(f.at("/build").isObject()).as("the build, or why none was found").isTrue();
            assertThat(f.at("/scan/examined/files_listed").asLong()).isPositive();
        });
    }

    @Test
    void theSarifLogIsValidAgainstTheOasisSchema() {
        assertThat(SarifSchema.problems(sarif)).isEmpty();
        assertThat(sarif.get("runs")).as("one run per scan").hasSize(1);
    }

    @Test
    void theSarifLogHasEveryFindingLinkedEventVerdictAndDiagnosticAndTheVersions() {
        JsonNode run = sarif.at("/runs/0");
        List<JsonNode> results = list(run.get("results"));
        List<JsonNode> findings = JsonlResult.ofType(jsonl, "finding");
        assertThat(perServer(results, r -> 1, "/properties/server")).isEqualTo(perServer(findings, f -> 1));
        assertThat(perServer(results, r -> r.path("relatedLocations").size(), "/properties/server"))
                .as("a related location per event a finding links").isEqualTo(perServer(findings, f -> f.get("linked").size()));
        assertThat(list(run.at("/properties/verdicts"))).extracting(ExampleImagesSarifEcsTest::verdict)
                .containsExactlyElementsOf(verdicts());
        assertThat(list(run.at("/properties/facts"))).as("the facts of each server, as its JSON lines have them")
                .extracting(f -> f.get("server").asText() + " " + FactsJson.read(f)).containsExactlyElementsOf(facts());
        assertThat(run.at("/invocations/0/toolExecutionNotifications").size())
                .isEqualTo(JsonlResult.ofType(jsonl, "diagnostic").size());

        JsonNode versions = versions();
        assertThat(run.at("/tool/driver/version").asText()).isEqualTo(versions.get("exhunt").asText());
        assertThat(list(run.at("/tool/extensions"))).extracting(e -> e.get("name").asText() + " " + e.get("version").asText())
                .containsExactly("exhunt-rules " + versions.get("rules").asText(), "exhunt-kb " + versions.get("kb").asText());
    }

    /**
     * Issue 26: host.name is the name the server's own logs give it (its event logs' Computer, HttpProxy's and ECP's
     * server field), not the folder it was read from; the folder is exhunt.server. The hand-made images' logs name no
     * computer (hafnium-webshell has none; clean's IIS log has no s-computername, its HttpProxy log is older than
     * that column): their host.name stays exhunt's name for them.
     */
    @Test
    void hostNameIsTheComputerNameInTheEvidenceAndTheFolderIsAFieldOfItsOwn() {
        Map<String, String> hostByServer = new java.util.TreeMap<>();
        for (JsonNode d : ecs) {
            String previous = hostByServer.put(d.at("/exhunt/server").asText(), d.at("/host/name").asText());
            assertThat(previous == null || previous.equals(d.at("/host/name").asText())).as("one host.name per server").isTrue();
        }
        assertThat(hostByServer).containsEntry("proxylogon-victim", "EXCH01").containsEntry("proxyshell-victim", "EXCH01")
                .containsEntry("clean-with-lookalikes", "EXCH01").containsEntry("hafnium-webshell", "hafnium-webshell");
        assertThat(ecs).filteredOn(d -> d.at("/exhunt/server").asText().equals("proxylogon-victim"))
                .allSatisfy(d -> {
                    assertThat(d.at("/host/domain").asText()).isEqualTo("contoso.local");
                    assertThat(d.at("/exhunt/inputs/0").asText()).endsWith("proxylogon-victim");
                });
    }

    @Test
    void everyEcsDocumentConformsToEcsAndToTheIndexTemplate() {
        assertThat(LineProblems.of(ecs, EcsSchema::problems)).isEmpty();
        assertThat(LineProblems.of(ecs, EcsIndexTemplate::problems)).isEmpty();
    }

    @Test
    void theEcsDocumentsHoldEveryFindingLinkedEventVerdictDiagnosticAndImpactItemAndTheVersions() {
        List<JsonNode> findings = JsonlResult.ofType(jsonl, "finding");
        assertThat(perServer(ofKind("exhunt.finding", "alert"), d -> 1, "/exhunt/server")).isEqualTo(perServer(findings, f -> 1));
        assertThat(perServer(ofKind("exhunt.finding", "event"), d -> 1, "/exhunt/server"))
                .as("an event per event a finding links, at any depth").isEqualTo(perServer(findings, JsonlResult::linkedEvents));
        assertThat(ofKind("exhunt.verdict", "state")).extracting(d -> String.join(" ", d.at("/exhunt/server").asText(),
                        d.at("/exhunt/verdict/row").asText(), d.at("/exhunt/verdict/exposure").asText(),
                        d.at("/exhunt/verdict/compromise").asText(), d.at("/exhunt/verdict/reason").asText()))
                .containsExactlyElementsOf(verdicts());
        assertThat(perServer(ofKind("exhunt.diagnostic", "event"), d -> 1, "/exhunt/server"))
                .isEqualTo(perServer(JsonlResult.ofType(jsonl, "diagnostic"), d -> 1));

        assertThat(ofKind("exhunt.facts", "state")).as("the facts of each server, as its JSON lines have them")
                .extracting(d -> d.at("/exhunt/server").asText() + " " + FactsJson.read(d.at("/exhunt/facts")))
                .containsExactlyElementsOf(facts());

        assertThat(perServer(ofKind("exhunt.impact", "event"), d -> 1, "/exhunt/server")).as("a document per impact item")
                .isEqualTo(perServer(JsonlResult.ofType(jsonl, "impact"), i -> 1));

        assertThat(ecs).as("nothing else").hasSize(findings.size() + findings.stream().mapToInt(JsonlResult::linkedEvents).sum()
                + JsonlResult.ofType(jsonl, "verdict").size() + JsonlResult.ofType(jsonl, "diagnostic").size() + images.size()
                + JsonlResult.ofType(jsonl, "impact").size());

        JsonNode versions = versions();
        assertThat(ecs).allSatisfy(d -> {
            assertThat(d.at("/exhunt/version").asText()).isEqualTo(versions.get("exhunt").asText());
            assertThat(d.at("/exhunt/rules_version").asText()).isEqualTo(versions.get("rules").asText());
            assertThat(d.at("/exhunt/kb_version").asText()).isEqualTo(versions.get("kb").asText());
        });
    }

    private static JsonNode versions() {
        return JsonlResult.ofType(jsonl, "run").get(0);
    }

    private static List<JsonNode> ofKind(String dataset, String kind) {
        return ecs.stream().filter(d -> d.at("/event/dataset").asText().equals(dataset) && d.at("/event/kind").asText().equals(kind))
                .toList();
    }

    /** Each server's facts line of the JSON lines, read back, as one line of text. */
    private static List<String> facts() {
        return JsonlResult.ofType(jsonl, "facts").stream().map(f -> f.get("server").asText() + " " + FactsJson.read(f)).toList();
    }

    private static List<String> verdicts() {
        return JsonlResult.ofType(jsonl, "verdict").stream().map(ExampleImagesSarifEcsTest::verdict).toList();
    }

    /** A JSON-lines verdict or a SARIF run's verdict property as one line of text. */
    private static String verdict(JsonNode v) {
        return String.join(" ", v.get("server").asText(), v.get("row").asText(), v.get("exposure").asText(),
                v.get("compromise").asText(), v.get("reason").asText());
    }

    private static Map<String, Integer> perServer(List<JsonNode> nodes, Function<JsonNode, Integer> count) {
        return perServer(nodes, count, "/server");
    }

    /** The sum of {@code count} over the nodes, per server (read at {@code serverPointer}); servers with none left out. */
    private static Map<String, Integer> perServer(List<JsonNode> nodes, Function<JsonNode, Integer> count, String serverPointer) {
        Map<String, Integer> sums = new TreeMap<>();
        for (JsonNode n : nodes) sums.merge(n.at(serverPointer).asText(), count.apply(n), Integer::sum);
        sums.values().removeIf(v -> v == 0);
        return sums;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
