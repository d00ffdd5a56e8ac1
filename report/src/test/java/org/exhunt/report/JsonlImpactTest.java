package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.report.testing.JsonlSchema;
import org.exhunt.report.testing.LineProblems;
import org.junit.jupiter.api.Test;

/** The {@code action}, {@code impact} and {@code mailbox} lines: per server, and the notification list across servers. */
class JsonlImpactTest {

    private final List<JsonNode> lines = lines();

    private static List<JsonNode> lines() {
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Reports.write(new JsonlReport(), SampleResults.RUN, ImpactSamples.estate()).split("\n")) {
            try {
                out.add(json.readTree(line));
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }
        return out;
    }

    private List<JsonNode> of(String type) {
        return lines.stream().filter(l -> l.get("type").asText().equals(type)).toList();
    }

    @Test
    void everyLineConformsToTheSchema() {
        assertThat(LineProblems.of(lines, JsonlSchema::problems)).isEmpty();
    }

    @Test
    void eachServerHasItsStepsInOrderThenOneLinePerImpactItem() {
        assertThat(of("action")).extracting(a -> a.get("server").asText(), a -> a.get("order").asInt(), a -> a.get("step").asText())
                .containsExactly(tuple("EX1", 1, "contain"), tuple("EX1", 2, "reset-credentials"), tuple("EX2", 1, "assess-mailboxes"));
        assertThat(of("action").get(1).get("subjects")).extracting(JsonNode::asText).containsExactly("CONTOSO\\administrator");
        assertThat(of("impact")).extracting(i -> i.get("server").asText(), i -> i.get("item").asText()).containsExactly(
                tuple("EX1", "read"), tuple("EX1", "read"), tuple("EX1", "sent"), tuple("EX1", "credential"), tuple("EX1", "account"),
                tuple("EX1", "persistence"), tuple("EX1", "scope"), tuple("EX1", "limit"), tuple("EX2", "export"));
        JsonNode scope = of("impact").get(6);
        assertThat(scope.get("host").asText()).isEqualTo("EX1");
        assertThat(scope.get("list_with").asText()).isEqualTo("Get-Mailbox -Server EX1 -ResultSize Unlimited");
        JsonNode account = of("impact").get(4);
        assertThat(account.get("kind").asText()).isEqualTo("added-to-group");
        assertThat(account.get("confidence").asText()).isEqualTo("LIKELY");
    }

    /** The notification list: each mailbox once across the servers, case ignored, with how and where it was reached. */
    @Test
    void theMailboxLinesListEachMailboxOnceAcrossTheServers() {
        assertThat(of("mailbox")).extracting(m -> m.get("mailbox").asText().toLowerCase(), m -> m.get("how").toString(),
                        m -> m.get("servers").toString(), m -> m.get("first").asText(), m -> m.get("last").asText(),
                        m -> m.get("confidence").asText())
                .containsExactly(
                        tuple("ceo@contoso.com", "[\"exported\",\"read\"]", "[\"EX1\",\"EX2\"]", "2021-03-03T06:20:02Z",
                                "2021-08-21T03:13:02Z", "SHOWN"),
                        tuple("cfo@contoso.com", "[\"read\"]", "[\"EX1\"]", "2021-03-03T06:21:40Z", "2021-03-03T06:21:40Z", "LIKELY"));
        assertThat(lines.get(lines.size() - 1).get("type").asText()).isEqualTo("mailbox");
    }

    @Test
    void aServerWithoutImpactWritesNoImpactOrActionLines() {
        List<String> types = new ArrayList<>();
        for (String line : Reports.sample(new JsonlReport()).split("\n")) {
            types.add(line.replaceAll("^\\{\"type\":\"([a-z]+)\".*", "$1"));
        }
        assertThat(types).doesNotContain("impact", "action", "mailbox");
    }
}
