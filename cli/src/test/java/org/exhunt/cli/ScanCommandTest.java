package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theCompromisedExampleGetsItsVerdictAndExitCodeOne() throws IOException {
        Path image = Examples.copyWithFixedTimes("hafnium-webshell", tmp.resolve("hafnium-webshell"));
        CliRun run = CliRun.of("scan", image.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).isEqualTo(golden("scan-hafnium-webshell.txt", image));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theCleanExampleExitsZero() throws IOException {
        Path image = Examples.copyWithFixedTimes("clean", tmp.resolve("clean"));
        CliRun run = CliRun.of("scan", image.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(golden("scan-clean.txt", image));
    }

    @Test
    void theExamplesAsCheckedOutGiveTheSameVerdicts() {
        assertThat(CliRun.of("scan", Examples.example("hafnium-webshell").toString()).code()).isEqualTo(1);
        assertThat(CliRun.of("scan", Examples.example("clean").toString()).code()).isEqualTo(0);
    }

    @Test
    void severalServersInOneRunAndTheWorstVerdictSetsTheExitCode() {
        CliRun run = CliRun.of("scan", Examples.example("clean").toString(),
                Examples.example("hafnium-webshell").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).containsPattern("(?m)^clean +Post-exploitation +not assessed +CLEAN ")
                .containsPattern("(?m)^hafnium-webshell +Post-exploitation +not assessed +COMPROMISED ");
    }

    @Test
    void jsonLinesCarryTheVersionsVerdictsAndFindings() throws IOException {
        Path report = tmp.resolve("report.jsonl");
        CliRun run = CliRun.of("scan", "--format", "jsonl", "-o", report.toString(),
                Examples.example("hafnium-webshell").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(report)) lines.add(new ObjectMapper().readTree(line));
        assertThat(lines.get(0).get("type").asText()).isEqualTo("run");
        assertThat(lines.get(0).get("schema").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("rules").asText()).matches("\\d{4}\\.\\d{2}\\.\\d{2}");
        JsonNode verdict = lines.stream().filter(l -> l.get("type").asText().equals("verdict")).findFirst().orElseThrow();
        assertThat(verdict.get("row").asText()).isEqualTo("Post-exploitation");
        assertThat(verdict.get("compromise").asText()).isEqualTo("COMPROMISED");
        JsonNode finding = lines.stream().filter(l -> l.get("type").asText().equals("finding")).findFirst().orElseThrow();
        assertThat(finding.get("rule_id").asText()).isEqualTo("exhunt.file.script-in-webshell-location");
        assertThat(finding.get("level").asText()).isEqualTo("high");
        assertThat(finding.get("source").get("file").asText()).endsWith("errorEE.aspx");
    }

    @Test
    void aMissingPathIsAUsageError() {
        CliRun run = CliRun.of("scan", tmp.resolve("nope").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such file or directory");
    }

    @Test
    void aReportIsNeverWrittenIntoTheEvidence() throws IOException {
        Path image = Examples.copyWithFixedTimes("clean", tmp.resolve("clean"));
        CliRun run = CliRun.of("scan", "-o", image.resolve("report.txt").toString(), image.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("inside the evidence");
        assertThat(image.resolve("report.txt")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("scan", "--format", "pdf", Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("pdf");
    }

    /** A hand-written expected output, with {@code @IMAGE@} standing for the image's path. */
    private static String golden(String name, Path image) throws IOException {
        try (InputStream in = ScanCommandTest.class.getResourceAsStream("golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@IMAGE@", image.toString())
                    .replace("@EXHUNT@", Versions.exhunt())
                    .replace("@RULES@", RulePack.bundled().version())
                    .replace("\n", System.lineSeparator());
        }
    }
}
