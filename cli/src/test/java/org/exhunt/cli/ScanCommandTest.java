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
    void theCleanExampleCannotBeClearedWithoutItsPatchHistory() throws IOException {
        // two days of 2026 logs on a fixed build, nothing that dates its install: no chain can be cleared (issue 18)
        Path image = Examples.copyWithFixedTimes("clean", tmp.resolve("clean"));
        CliRun run = CliRun.of("scan", image.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).isEqualTo(golden("scan-clean.txt", image));
    }

    @Test
    void theExamplesAsCheckedOutGiveTheSameVerdicts() {
        assertThat(CliRun.of("scan", Examples.example("hafnium-webshell").toString()).code()).isEqualTo(1);
        assertThat(CliRun.of("scan", Examples.example("clean").toString()).code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(CliRun.of("scan", Examples.example(Examples.CLEARED).toString()).code()).isEqualTo(ExitCodes.OK);
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
        assertThat(lines.get(0).get("kb").asText()).isEqualTo("2026.08.19");
        assertThat(lines).filteredOn(l -> l.get("type").asText().equals("note")).extracting(l -> l.get("text").asText())
                .contains("Build 15.1.2176.2: Exchange Server 2016 CU19, released 2020-12-15 (KB4588884); from the ExSetup.exe"
                        + " file version of C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\ExSetup.exe");
        List<JsonNode> verdicts = lines.stream().filter(l -> l.get("type").asText().equals("verdict")).toList();
        assertThat(verdicts).extracting(v -> v.get("row").asText()).containsExactly("ProxyLogon", "ProxyShell",
                "ProxyNotShell", "CVE-2020-0688", "CVE-2021-42321", "CVE-2021-33766", "CVE-2021-31196", "Post-exploitation");
        assertThat(verdicts.get(0).get("exposure").asText()).isEqualTo("VULNERABLE");
        assertThat(verdicts.get(3).get("exposure").asText()).isEqualTo("PATCHED");
        assertThat(verdicts.get(7).get("exposure").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(verdicts.get(7).get("compromise").asText()).isEqualTo("COMPROMISED");
        JsonNode finding = lines.stream().filter(l -> l.get("type").asText().equals("finding"))
                .filter(l -> l.get("rule_id").asText().equals("exhunt.file.script-in-webshell-location"))
                .findFirst().orElseThrow();
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

    @Test
    void severalFormatsAtOnceGoToPrefixDotExtension() throws IOException {
        Path prefix = tmp.resolve("report");
        CliRun run = CliRun.of("scan", "--format", "html,csv,sarif", "-o", prefix.toString(),
                Examples.example("hafnium-webshell").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.html", "report.csv", "report.sarif");
        }
        assertThat(Files.readString(tmp.resolve("report.csv"))).startsWith("message,datetime,timestamp_desc,");
        assertThat(new ObjectMapper().readTree(tmp.resolve("report.sarif").toFile()).get("version").asText())
                .isEqualTo("2.1.0");
        assertThat(Files.readString(tmp.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("hafnium-webshell");
    }

    @Test
    void everyFormatCanBeWrittenInOneRunAndTheConsoleFileIsWhatTheConsoleShows() throws IOException {
        Path image = Examples.copyWithFixedTimes("hafnium-webshell", tmp.resolve("hafnium-webshell"));
        Path prefix = tmp.resolve("out").resolve("scan");
        Files.createDirectories(prefix.getParent());
        CliRun run = CliRun.of("scan", "--format", "console,jsonl,csv,sarif,ecs,html", "-o", prefix.toString(),
                image.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        for (String ext : List.of("txt", "jsonl", "csv", "sarif", "ecs.jsonl", "html")) {
            assertThat(tmp.resolve("out").resolve("scan." + ext)).isNotEmptyFile();
        }
        assertThat(Files.readString(tmp.resolve("out/scan.txt"))).isEqualTo(golden("scan-hafnium-webshell.txt", image));
        JsonNode ecs = new ObjectMapper().readTree(Files.readAllLines(tmp.resolve("out/scan.ecs.jsonl")).get(0));
        assertThat(ecs.at("/event/kind").asText()).isEqualTo("state");
        assertThat(ecs.at("/host/name").asText()).isEqualTo("hafnium-webshell");
    }

    @Test
    void oneFormatNamedTwiceIsOneReportAtTheGivenFile() throws IOException {
        Path report = tmp.resolve("report.jsonl");
        CliRun run = CliRun.of("scan", "--format", "jsonl,jsonl", "-o", report.toString(),
                Examples.example(Examples.CLEARED).toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(report).isNotEmptyFile();
        assertThat(tmp.resolve("report.jsonl.jsonl")).doesNotExist();
    }

    @Test
    void severalFormatsWithoutAPrefixIsAUsageError() {
        CliRun run = CliRun.of("scan", "--format", "csv,html", Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("several formats (csv,html) need -o PREFIX");
    }

    @Test
    void aReportPrefixInsideTheEvidenceOrInAMissingFolderIsAUsageError() throws IOException {
        Path image = Examples.copyWithFixedTimes("clean", tmp.resolve("clean"));
        CliRun inside = CliRun.of("scan", "--format", "csv,html", "-o", image.resolve("r").toString(), image.toString());
        assertThat(inside.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(inside.err()).contains("inside the evidence");
        assertThat(image.resolve("r.csv")).doesNotExist();

        CliRun missing = CliRun.of("scan", "--format", "html", "-o", tmp.resolve("no/such/report.html").toString(),
                image.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such folder for the report");
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
