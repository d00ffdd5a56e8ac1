package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.report.testing.JsonlSchema;
import org.exhunt.report.testing.LineProblems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command around the probe: targets, formats, exit codes. The probing itself is tested in the probe module
 * against the Exchange emulator; here a two-page stand-in on loopback (plain HTTP) is enough.
 */
class ProbeCommandTest {

    @TempDir
    Path tmp;

    private HttpServer exchange;
    private String target;

    @BeforeEach
    void startAnExchange2016Cu19() throws IOException {
        exchange = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        exchange.createContext("/", x -> {
            byte[] body = "<html><head><title>Outlook</title></head></html>".getBytes(StandardCharsets.UTF_8);
            if (x.getRequestURI().getPath().equals("/owa/auth/logon.aspx")) {
                x.getResponseHeaders().add("X-OWA-Version", "15.1.2176.2");
                x.getResponseHeaders().add("X-FEServer", "EX01");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            } else {
                x.sendResponseHeaders(404, -1);
            }
            x.close();
        });
        exchange.start();
        target = "http://127.0.0.1:" + exchange.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        exchange.stop(0);
    }

    @Test
    void aVulnerableServerGetsOneLinePerRowAndExitCodeFour() {
        CliRun run = CliRun.of("probe", "--no-progress", target);
        assertThat(run.code()).isEqualTo(ExitCodes.EXPOSED);
        assertThat(run.out()).containsPattern("(?m)^" + target.replace(".", "\\.") + " +ProxyLogon +VULNERABLE +not assessed +fixed by CU19 Mar21SU")
                .containsPattern("(?m)^" + target.replace(".", "\\.") + " +CVE-2020-0688 +PATCHED +not assessed +")
                .contains("Status: EXCHANGE_BUILD; page title 'Outlook'")
                .contains("Build 15.1.2176.2: Exchange Server 2016 CU19, released 2020-12-15 (KB4588884); from the X-OWA-Version header")
                .contains("Internal name disclosed: X-FEServer: EX01");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonLinesStartWithTheRunAndCarryEveryTargetsVerdicts() throws IOException {
        Path report = tmp.resolve("probe.jsonl");
        CliRun run = CliRun.of("probe", "--format", "jsonl", "-o", report.toString(), target, "127.0.0.1:" + closedPort());
        assertThat(run.code()).isEqualTo(ExitCodes.EXPOSED);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(report)) lines.add(new ObjectMapper().readTree(line));
        assertThat(lines.get(0).get("type").asText()).isEqualTo("run");
        assertThat(lines.get(0).get("kb").asText()).isEqualTo("2026.08.19");
        List<JsonNode> verdicts = lines.stream().filter(l -> l.get("type").asText().equals("verdict")).toList();
        assertThat(verdicts).hasSize(14).allSatisfy(v -> assertThat(v.get("compromise").asText()).isEqualTo("NOT_ASSESSED"));
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("type").asText()).isEqualTo("diagnostic");
            assertThat(l.get("code").asText()).isEqualTo("probe.no-answer");
        });
        assertThat(LineProblems.of(lines, JsonlSchema::problems)).isEmpty();
        assertThat(lines.stream().filter(l -> l.get("type").asText().equals("facts")))
                .extracting(l -> l.at("/probe/status").asText(), l -> l.at("/build/chosen/build").asText())
                .containsExactlyInAnyOrder(tuple("EXCHANGE_BUILD", "15.1.2176.2"), tuple("NO_ANSWER", ""));
        assertThat(lines.stream().filter(l -> l.get("type").asText().equals("finding")))
                .as("what a server discloses is its exposure, not evidence of compromise")
                .allSatisfy(f -> assertThat(f.get("stage").asText()).isEqualTo("context"));
    }

    @Test
    void aTargetThatDoesNotAnswerMakesTheRunIncomplete() throws IOException {
        CliRun run = CliRun.of("probe", "--no-progress", "--retries", "0", "http://127.0.0.1:" + closedPort());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("Status: NO_ANSWER").contains("Not read (1)");
    }

    @Test
    void aTargetsFileIsReadAndItsBadLinesAreAUsageErrorWithTheirNumbers() throws IOException {
        Path file = Files.writeString(tmp.resolve("estate.txt"), "# estate\n" + target + "\nftp://old-relay\n");
        CliRun bad = CliRun.of("probe", "--targets", file.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains(file + ":3: 'ftp://old-relay': only https and http targets can be probed");

        Files.writeString(file, "# estate\n" + target + "\n");
        assertThat(CliRun.of("probe", "--no-progress", "--targets", file.toString()).code()).isEqualTo(ExitCodes.EXPOSED);
    }

    @Test
    void noTargetIsAUsageError() {
        CliRun run = CliRun.of("probe");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no target: give TARGET... or --targets FILE");
    }

    @Test
    void activeChecksAreAnnouncedBeforeTheyAreSent() {
        CliRun run = CliRun.of("probe", "--no-progress", "--active", target);
        assertThat(run.err()).startsWith("exhunt probe --active: sending the ProxyLogon SSRF and ProxyShell Autodiscover"
                + " exploit primitives (read-only GETs) to 1 target");
        assertThat(run.out()).contains("Active check ProxyLogon SSRF: NOT_REACHABLE (HTTP 404, no X-CalculatedBETarget)");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
