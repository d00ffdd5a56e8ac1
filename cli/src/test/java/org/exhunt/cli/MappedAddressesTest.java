package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 25: IIS logs the clients of a dual-stack site as IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}, or in
 * hex {@code ::ffff:a01:203}). An indicator range ({@code --ioc}), a Sigma {@code |cidr} rule ({@code --sigma}) and
 * the ECS report take such a client as the IPv4 address it is, whichever way the network is written.
 */
class MappedAddressesTest {

    /** Client as logged → whether it lies in 10.0.0.0/8. */
    private static final Map<String, Boolean> CLIENTS = Map.of(
            "::ffff:10.1.2.3", true,
            "::ffff:a01:204", true,
            "10.1.2.5", true,
            "::ffff:11.0.0.1", false,
            "11.0.0.2", false,
            "::10.1.2.6", false); // IPv4-compatible, not mapped: another address

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "network written {0}")
    @ValueSource(strings = {"10.0.0.0/8", "::ffff:10.0.0.0/104", "::ffff:a00:0/104"})
    void iocSigmaAndEcsAgreeOnMappedClients(String network) throws IOException {
        Path image = tmp.resolve("image");
        StringBuilder log = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
                + "#Date: 2021-03-03 02:00:00\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port "
                + "cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n");
        int second = 0;
        for (String client : CLIENTS.keySet()) {
            log.append(String.format("2021-03-03 02:00:%02d 10.0.0.5 GET /owa/ - 443 - %s Mozilla/5.0 - 200 0 0 5%n",
                    second++, client));
        }
        Path logFile = image.resolve("inetpub/logs/LogFiles/W3SVC1/u_ex210303.log");
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, log);
        Path iocs = Files.writeString(tmp.resolve("lab.csv"), "ip,name\n" + network + ",the lab network\n");
        Path rules = Files.createDirectories(tmp.resolve("sigma"));
        Files.writeString(rules.resolve("lab.yml"), """
                title: Request from the lab network
                id: 5f0c7d4e-6a51-4f5e-9a53-2f1e0c9b8a71
                logsource:
                    category: webserver
                detection:
                    selection:
                        c-ip|cidr: '%s'
                    condition: selection
                level: medium
                """.formatted(network));

        CliRun run = CliRun.of("scan", "--no-progress", "--quiet", "--ioc", iocs.toString(), "--sigma", rules.toString(),
                "--format", "jsonl,ecs", "-o", tmp.resolve("out").toString(), image.toString());

        assertThat(run.err()).isEmpty();
        List<JsonNode> findings = JsonlResult.ofType(JsonlResult.lines(tmp.resolve("out.jsonl")), "finding");
        List<String> inside = CLIENTS.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        assertThat(clients(findings, "exhunt.ioc.user.lab")).as("--ioc").containsExactlyInAnyOrderElementsOf(inside);
        assertThat(clients(findings, "5f0c7d4e-6a51-4f5e-9a53-2f1e0c9b8a71")).as("--sigma")
                .containsExactlyInAnyOrderElementsOf(inside);

        List<JsonNode> ecs = JsonlResult.lines(tmp.resolve("out.ecs.jsonl")).stream()
                .filter(d -> d.at("/event/kind").asText().equals("alert")).toList();
        assertThat(ecs).hasSize(2 * inside.size()).allSatisfy(d -> {
            assertThat(d.at("/source/ip").asText()).as("ECS source.ip").isIn(inside);
            assertThat(d.at("/source/address").isMissingNode()).isTrue();
        });
    }

    /** The client address of each finding of a rule. */
    private static List<String> clients(List<JsonNode> findings, String rule) {
        return findings.stream().filter(f -> f.get("rule_id").asText().equals(rule))
                .map(f -> evidence(f, "c-ip")).toList();
    }

    private static String evidence(JsonNode finding, String name) {
        for (JsonNode e : finding.get("evidence")) if (e.get("name").asText().equals(name)) return e.get("value").asText();
        return null;
    }
}
