package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.report.testing.SarifSchema.problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.report.testing.SarifSchema;
import org.junit.jupiter.api.Test;

/**
 * The SARIF log validated against the OASIS SARIF 2.1.0 JSON schema ({@link SarifSchema}: networknt's
 * JSON-schema validator, format assertions on), and checked for what the schema cannot say:
 * rule indexes, URIs that lead back to the files, stable fingerprints.
 */
class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode log = parse(Reports.sample(new SarifReport()));

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theLogIsValidAgainstTheOasisSchema() {
        assertThat(problems(log)).isEmpty();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs")).hasSize(1);
    }

    @Test
    void anEmptyRunIsValidToo() {
        JsonNode empty = parse(Reports.write(new SarifReport(), SampleResults.RUN, List.of(SampleResults.ex02())));
        assertThat(problems(empty)).isEmpty();
        assertThat(empty.at("/runs/0/results")).isEmpty();
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() {
        assertThat(problems(mutated(l -> l.remove("version")))).isNotEmpty();
        assertThat(problems(mutated(l -> ((ObjectNode) l.at("/runs/0/results/0")).put("level", "fatal")))).isNotEmpty();
        assertThat(problems(mutated(l -> ((ObjectNode) l.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "file:///a b")))).as("format uri-reference is asserted").isNotEmpty();
        assertThat(problems(mutated(l -> ((ObjectNode) l.at("/runs/0/invocations/0")).put("startTimeUtc", "yesterday"))))
                .as("format date-time is asserted").isNotEmpty();
    }

    private JsonNode mutated(Consumer<ObjectNode> change) {
        ObjectNode copy = log.deepCopy();
        change.accept(copy);
        return copy;
    }

    @Test
    void theToolNamesExhuntItsRulePackAndKnowledgeBase() {
        JsonNode tool = log.at("/runs/0/tool");
        assertThat(tool.at("/driver/name").asText()).isEqualTo("exhunt");
        assertThat(tool.at("/driver/version").asText()).isEqualTo("0.1.0");
        assertThat(tool.get("extensions")).extracting(e -> e.get("name").asText() + " " + e.get("version").asText())
                .containsExactly("exhunt-rules 2026.11.28", "exhunt-kb 2026.11.20");
    }

    @Test
    void oneResultPerFindingEachPointingAtItsRule() {
        JsonNode results = log.at("/runs/0/results");
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        assertThat(results).hasSize(SampleResults.FINDINGS);
        for (JsonNode r : results) {
            JsonNode rule = rules.get(r.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(r.get("ruleId").asText());
        }
        JsonNode chain = rules.get(0);
        assertThat(chain.at("/shortDescription/text").asText()).startsWith("ProxyLogon chain");
        assertThat(chain.at("/fullDescription/text").asText()).startsWith("Three steps");
        assertThat(chain.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(chain.at("/properties/security-severity").asText()).isEqualTo("9.5");
        assertThat(chain.at("/properties/tags")).extracting(JsonNode::asText)
                .containsExactly("attack.initial_access", "attack.t1190", "cve.2021-26855", "cve.2021-27065");
        assertThat(chain.at("/properties/meta/reference").asText()).isEqualTo(SampleResults.REFERENCE);
        assertThat(chain.has("helpUri")).isFalse();
    }

    @Test
    void locationsAreFileUrisWithLinesOrByteOffsetsThatLeadBackToTheFiles() {
        JsonNode results = log.at("/runs/0/results");
        JsonNode chainLocation = results.get(0).at("/locations/0/physicalLocation");
        assertThat(chainLocation.at("/artifactLocation/uri").asText()).isEqualTo(
                "file:///C:/Program%20Files/Microsoft/Exchange%20Server/V15/Logging/HttpProxy/Ecp/HttpProxy_2021030302-1.LOG");
        assertThat(chainLocation.at("/region/startLine").asInt()).isEqualTo(42);

        JsonNode chopper = results.get(1).at("/locations/0/physicalLocation");
        assertThat(chopper.at("/region/byteOffset").asInt()).isEqualTo(12);
        assertThat(chopper.at("/region").has("startLine")).isFalse();

        JsonNode hostile = results.get(3).at("/locations/0/physicalLocation");
        assertThat(hostile.at("/artifactLocation/uriBaseId").asText()).isEqualTo("EVIDENCE1");
        URI uri = URI.create(hostile.at("/artifactLocation/uri").asText());
        assertThat(uri.isAbsolute()).isFalse();
        URI base = URI.create(log.at("/runs/0/originalUriBaseIds/EVIDENCE1/uri").asText());
        assertThat(Path.of(base.resolve(uri))).isEqualTo(Path.of(SampleResults.HOSTILE_FILE));
        assertThat(hostile.has("region")).isFalse();

        JsonNode kb = results.get(4).at("/locations/0/physicalLocation");
        assertThat(kb.at("/properties/record").asText()).isEqualTo("VS_VERSIONINFO");
    }

    /**
     * Issue 26: a file is located relative to the evidence it was read from (SARIF's uriBaseId), not by the analyst's
     * absolute path, so that the report points at the file wherever the evidence is opened (GitHub code scanning
     * resolves a relative URI in its repository). Each input is a base of its own; a file under none keeps its URI.
     */
    @Test
    void filesUnderTheEvidenceAreRelativeToABasePerInput() {
        JsonNode bases = log.at("/runs/0/originalUriBaseIds");
        assertThat(bases.at("/EVIDENCE1/uri").asText()).isEqualTo("file:///evidence/ex01/");
        assertThat(bases.at("/EVIDENCE1/description/text").asText()).contains("server " + SampleResults.SERVER)
                .contains("/evidence/ex01");
        JsonNode iis = log.at("/runs/0/results/2/locations/0/physicalLocation/artifactLocation");
        assertThat(iis.get("uri").asText()).startsWith("inetpub/logs/LogFiles/W3SVC1/u_ex");
        assertThat(iis.get("uriBaseId").asText()).isEqualTo("EVIDENCE1");

        // a live drive's path, under no input: absolute, no base
        JsonNode live = log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertThat(live.has("uriBaseId")).isFalse();
        assertThat(live.get("uri").asText()).startsWith("file:///C:/");
    }

    @Test
    void aZipAndASingleFileAreBasesTooAndOneInputIsCalledEvidence() {
        Finding inZip = Finding.builder("yara", "r").title("t").severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION)
                .source(SourceRef.offset("triage/ex01.zip!/inetpub/wwwroot/a b.aspx", 3)).build();
        JsonNode zip = parse(Reports.write(new SarifReport(), SampleResults.RUN, List.of(new ServerResult("ex01",
                List.of("triage/ex01.zip"), List.of(), List.of(inZip), List.of(), ServerFacts.NONE)))).at("/runs/0");
        assertThat(problems(wrap(zip))).isEmpty();
        assertThat(zip.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("inetpub/wwwroot/a%20b.aspx");
        assertThat(zip.at("/originalUriBaseIds/EVIDENCE/uri").asText())
                .isEqualTo(Path.of("triage/ex01.zip").toAbsolutePath().toUri().toString() + "!/");

        Finding inLog = Finding.builder("sigma", "r").title("t").severity(Severity.HIGH).stage(Stage.ATTEMPT)
                .source(SourceRef.line("logs/u_ex210303.log", 7)).build();
        JsonNode single = parse(Reports.write(new SarifReport(), SampleResults.RUN, List.of(new ServerResult("ex01",
                List.of("logs/u_ex210303.log"), List.of(), List.of(inLog), List.of(), ServerFacts.NONE)))).at("/runs/0");
        assertThat(single.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("u_ex210303.log");
        assertThat(URI.create(single.at("/originalUriBaseIds/EVIDENCE/uri").asText()).resolve("u_ex210303.log"))
                .isEqualTo(Path.of("logs/u_ex210303.log").toAbsolutePath().toUri());
    }

    private static JsonNode wrap(JsonNode run) {
        ObjectNode log = JSON.createObjectNode().put("$schema", SarifReport.SCHEMA_URI).put("version", "2.1.0");
        log.putArray("runs").add(run);
        return log;
    }

    @Test
    void linkedEventsAreRelatedLocations() {
        JsonNode related = log.at("/runs/0/results/0/relatedLocations");
        assertThat(related).hasSize(SampleResults.LINKED);
        assertThat(related).extracting(r -> r.get("id").asInt()).containsExactly(0, 1, 2);
        assertThat(related.get(0).at("/message/text").asText()).contains("SSRF through the HttpProxy");
        assertThat(related.get(1).at("/physicalLocation/region/startLine").asInt()).isEqualTo(7);
        assertThat(related.get(2).at("/properties/evidence/2/value").asText())
                .isEqualTo("/aspnet_client/system_web/errorEE.aspx");
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndDistinctAcrossFindings() {
        JsonNode again = parse(Reports.write(new SarifReport(), SampleResults.RUN, SampleResults.all()));
        List<String> first = fingerprints(log);
        assertThat(fingerprints(again)).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{64}"));
    }

    private static List<String> fingerprints(JsonNode log) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : log.at("/runs/0/results")) out.add(r.at("/fingerprints/" + SarifReport.FINGERPRINT_KEY.replace("/", "~1")).asText());
        return out;
    }

    @Test
    void diagnosticsAreNotificationsAndVerdictsArePropertiesOfTheRun() {
        JsonNode notifications = log.at("/runs/0/invocations/0/toolExecutionNotifications");
        assertThat(notifications).extracting(n -> n.get("level").asText() + " " + n.at("/descriptor/id").asText())
                .containsExactly("error evtx.truncated", "warning iis.fields-changed", "note layout.install-path");
        assertThat(notifications.get(0).at("/locations/0/physicalLocation/region/byteOffset").asInt()).isEqualTo(196_608);
        JsonNode verdicts = log.at("/runs/0/properties/verdicts");
        assertThat(verdicts).hasSize(8);
        assertThat(verdicts.get(0).get("compromise").asText()).isEqualTo("COMPROMISED");
        assertThat(verdicts.get(7).get("server").asText()).isEqualTo(SampleResults.HOSTILE_SERVER);
    }
}
