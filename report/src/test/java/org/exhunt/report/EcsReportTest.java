package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.report.testing.EcsIndexTemplate;
import org.exhunt.report.testing.EcsSchema;
import org.exhunt.report.testing.LineProblems;
import org.junit.jupiter.api.Test;

/** ECS documents checked against Elastic's field definitions ({@link EcsSchema}) and for the mapping itself. */
class EcsReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> docs = parse(Reports.sample(new EcsReport()));

    private static List<JsonNode> parse(String lines) {
        return Arrays.stream(lines.split("\n")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private JsonNode byRule(String ruleId) {
        return docs.stream().filter(d -> d.at("/rule/id").asText().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void everyDocumentConformsToEcs() {
        for (JsonNode doc : docs) assertThat(EcsSchema.problems(doc)).as("%s", doc).isEmpty();
    }

    @Test
    void theCheckerCatchesWrongTypesUnknownFieldsAndDisallowedValues() {
        JsonNode bad = parse("{\"@timestamp\":\"yesterday\",\"ecs\":{\"version\":\"9.4.0\"},\"event\":{\"kind\":\"finding\","
                + "\"category\":[\"web\"],\"type\":[\"creation\"]},\"http\":{\"response\":{\"status_code\":\"abc\"}},"
                + "\"source\":{\"ip\":\"evil.example\"},\"vulnerability\":{\"id\":[\"a\",\"b\"]},\"foo\":{\"bar\":1}}").get(0);
        assertThat(EcsSchema.problems(bad)).containsExactlyInAnyOrder(
                "@timestamp: \"yesterday\" is not of ECS type date",
                "event.kind: \"finding\" is not an allowed value",
                "http.response.status_code: \"abc\" is not of ECS type long",
                "source.ip: \"evil.example\" is not of ECS type ip",
                "vulnerability.id: an array, but ECS expects one value",
                "foo.bar: not an ECS field",
                "event.type \"creation\" is not expected for event.category \"web\"");
    }

    /** Issue 26: the index template maps every field the documents carry, ECS fields with their ECS types. */
    @Test
    void theIndexTemplateMapsEveryFieldWithItsEcsTypeAndKeepsEvidenceNamesAndValuesPaired() {
        assertThat(LineProblems.of(docs, EcsIndexTemplate::problems)).isEmpty();
        assertThat(EcsIndexTemplate.mapping("exhunt.evidence").get("type").asText()).as("names and values stay paired")
                .isEqualTo("nested");
        assertThat(EcsIndexTemplate.mapping("exhunt.facts").get("type").asText()).isEqualTo("flattened");
        assertThat(EcsIndexTemplate.template().at("/_meta/ecs_version").asText()).isEqualTo(EcsReport.ECS_VERSION);
    }

    @Test
    void oneAlertPerFindingOneEventPerLinkedEventOneStatePerVerdictAndTheDiagnostics() {
        assertThat(docs).filteredOn(d -> d.at("/event/kind").asText().equals("alert")).hasSize(SampleResults.FINDINGS);
        assertThat(docs).filteredOn(d -> d.at("/event/dataset").asText().equals("exhunt.finding")
                && d.at("/event/kind").asText().equals("event")).hasSize(SampleResults.LINKED);
        assertThat(docs).filteredOn(d -> d.at("/event/dataset").asText().equals("exhunt.verdict")
                && d.at("/event/kind").asText().equals("state")).hasSize(8);
        assertThat(docs).filteredOn(d -> d.at("/event/dataset").asText().equals("exhunt.facts"))
                .as("one state per server, holding its facts as JSON lines' facts line does")
                .extracting(d -> d.at("/event/kind").asText(), d -> d.at("/exhunt/server").asText(), d -> FactsJson.read(d.at("/exhunt/facts")))
                .containsExactly(tuple("state", SampleResults.SERVER, SampleResults.scanFacts()),
                        tuple("state", SampleResults.HOSTILE_SERVER, ServerFacts.NONE));
        assertThat(docs).filteredOn(d -> d.at("/event/dataset").asText().equals("exhunt.diagnostic"))
                .extracting(d -> d.at("/log/level").asText() + " " + d.at("/event/code").asText() + " " + d.at("/exhunt/not_read"))
                .containsExactly("error evtx.truncated true", "warning iis.fields-changed false", "info layout.install-path false");
    }

    @Test
    void webEvidenceFillsTheEcsWebFields() {
        JsonNode ssrf = byRule("exhunt.httpproxy.cve-2021-26855");
        assertThat(ssrf.at("/@timestamp").asText()).isEqualTo("2021-03-03T02:14:10Z");
        assertThat(ssrf.at("/source/ip").asText()).isEqualTo(SampleResults.ATTACKER_IP);
        assertThat(ssrf.at("/url/path").asText()).isEqualTo("/ecp/y.js");
        assertThat(ssrf.at("/http/request/method").asText()).isEqualTo("POST");
        assertThat(ssrf.at("/http/response/status_code").isIntegralNumber()).isTrue();
        assertThat(ssrf.at("/http/response/status_code").asInt()).isEqualTo(241);
        assertThat(ssrf.at("/user_agent/original").asText()).isEqualTo("ExchangeServicesClient/0.0.0.0");
        assertThat(ssrf.at("/host/name").asText()).as("the sample's logs name no computer").isEqualTo("ex01");
        assertThat(ssrf.at("/exhunt/server").asText()).isEqualTo("ex01");
        assertThat(ssrf.at("/exhunt/inputs").get(0).asText()).isEqualTo("/evidence/ex01");
        assertThat(ssrf.at("/log/file/path").asText()).isEqualTo(SampleResults.HTTPPROXY);
        assertThat(ssrf.at("/exhunt/source/line").asInt()).isEqualTo(42);
        assertThat(ssrf.at("/exhunt/linked_to").asText()).isEqualTo(byRule("exhunt.chain.proxylogon").at("/event/id").asText());

        JsonNode shell = byRule("exhunt.iis.webshell-request");
        assertThat(shell.at("/url/path").asText()).isEqualTo("/aspnet_client/system_web/errorEE.aspx");
        assertThat(shell.at("/url/query").asText()).isEqualTo("-");
        assertThat(shell.at("/user/name").asText()).isEqualTo("-");

        JsonNode notShell = byRule("exhunt.iis.proxynotshell-autodiscover");
        assertThat(notShell.at("/source/ip").asText()).isEqualTo("2001:db8::5");
        assertThat(notShell.at("/url/query").asText()).startsWith("@evil.com/owa/");
        assertThat(notShell.at("/vulnerability/id").asText()).isEqualTo("CVE-2022-41040");
    }

    @Test
    void aClientThatIsNoIpAddressGoesToSourceAddress() {
        JsonNode hostile = byRule("-1+1");
        assertThat(hostile.at("/source").has("ip")).isFalse();
        assertThat(hostile.at("/source/address").asText()).isEqualTo("unknown");
        assertThat(hostile.at("/file/path").asText()).contains(SampleResults.IMG_INJECTION);
        assertThat(hostile.at("/file/size").asLong()).isEqualTo(80);
        assertThat(hostile.at("/file/mtime").asText()).isEqualTo("2021-03-05T11:00:00Z");
        assertThat(hostile.at("/rule/reference").asText()).isEqualTo("javascript:alert(1)");
    }

    @Test
    void ruleAndAttackTagsFillRuleAndThreat() {
        JsonNode chain = byRule("exhunt.chain.proxylogon");
        assertThat(chain.at("/rule/name").asText()).startsWith("ProxyLogon chain");
        assertThat(chain.at("/rule/reference").asText()).isEqualTo(SampleResults.REFERENCE);
        assertThat(chain.at("/rule/author/0").asText()).isEqualTo("exhunt");
        assertThat(chain.at("/event/severity").asInt()).isEqualTo(5);
        assertThat(chain.at("/threat/framework").asText()).isEqualTo("MITRE ATT&CK");
        assertThat(chain.at("/threat/technique/id")).extracting(JsonNode::asText).containsExactly("T1190");
        assertThat(chain.at("/threat/tactic/id")).extracting(JsonNode::asText).containsExactly("TA0001");
        assertThat(chain.at("/threat/tactic/name")).extracting(JsonNode::asText).containsExactly("Initial Access");
        assertThat(chain.at("/vulnerability/id").asText()).isEqualTo("CVE-2021-26855");

        JsonNode chopper = byRule("HAFNIUM_China_Chopper_Aspx");
        assertThat(chopper.at("/threat/technique/id")).extracting(JsonNode::asText).containsExactly("T1505");
        assertThat(chopper.at("/threat/technique/subtechnique/id")).extracting(JsonNode::asText).containsExactly("T1505.003");
        assertThat(chopper.at("/threat/tactic/name")).extracting(JsonNode::asText).containsExactly("Persistence");
        assertThat(chopper.at("/file/hash/sha256").asText()).startsWith("f692b6df");
    }

    @Test
    void evidenceWithoutATimeIsStampedWithTheScanStartAndSaysSo() {
        JsonNode kb = byRule("exhunt.kb.missing-march-2021-su");
        assertThat(kb.at("/@timestamp").asText()).isEqualTo(SampleResults.RUN.started().toString());
        assertThat(kb.at("/exhunt/time_known").asBoolean()).isFalse();
        assertThat(kb.at("/exhunt/evidence/0/name").asText()).isEqualTo("build");
    }

    @Test
    void verdictsCarryTheirRowAndStates() {
        JsonNode cve = docs.stream().filter(d -> d.at("/exhunt/verdict/row").asText().equals("CVE-2021-42321"))
                .findFirst().orElseThrow();
        assertThat(cve.at("/exhunt/verdict/exposure").asText()).isEqualTo("UNKNOWN");
        assertThat(cve.at("/exhunt/verdict/compromise").asText()).isEqualTo("CANNOT_TELL");
        assertThat(cve.at("/vulnerability/id").asText()).isEqualTo("CVE-2021-42321");
        assertThat(cve.at("/exhunt/notes")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Notes.of(SampleResults.scanFacts()));
    }
}
