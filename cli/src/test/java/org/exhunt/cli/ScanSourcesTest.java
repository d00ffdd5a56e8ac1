package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.testkit.image.ExampleTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7 at the command line: zip images, several inputs per server with --server, disk images refused. */
class ScanSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void aZipOfTheCompromisedExampleGivesTheSameVerdictReadInPlace() throws IOException {
        Path zip = zipOf("hafnium-webshell", tmp.resolve("hafnium-webshell.zip"));
        CliRun run = CliRun.of("scan", zip.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        // the directory's hand-written report, with the archive entry where the file was
        assertThat(run.out()).isEqualTo(golden("scan-hafnium-webshell.txt", zip));
        assertThat(run.err()).isEmpty();
        assertThat(tmp).isDirectoryNotContaining(p -> !p.equals(zip)); // nothing extracted beside it
    }

    @Test
    void serverGroupsSeveralInputsAndNamesTheServer() throws IOException {
        Path clean = Examples.example("clean");
        Path shell = zipOf("hafnium-webshell", tmp.resolve("logs-and-files.zip"));
        CliRun run = CliRun.of("scan", "--server", "ex01", clean.toString(), shell.toString(),
                "--server", "ex02", clean.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).containsPattern("(?m)^ex01 +Post-exploitation +not assessed +COMPROMISED ")
                .containsPattern("(?m)^ex02 +Post-exploitation +not assessed +CLEAN ")
                .contains("== ex01 (" + clean + ", " + shell + ")")
                .contains("== ex02 (" + clean + ")");
    }

    @Test
    void pathsBeforeTheFirstServerAreServersOfTheirOwn() throws IOException {
        Path shell = zipOf("hafnium-webshell", tmp.resolve("hafnium-webshell.zip"));
        CliRun run = CliRun.of("scan", Examples.example("clean").toString(), "--server", "ex02", shell.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).containsPattern("(?m)^clean +Post-exploitation +not assessed +CLEAN ")
                .containsPattern("(?m)^ex02 +Post-exploitation +not assessed +COMPROMISED ");
    }

    @Test
    void aServerWithoutPathsIsAUsageError() {
        CliRun run = CliRun.of("scan", Examples.example("clean").toString(), "--server", "ex01", "--server", "ex02",
                Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--server ex01 is followed by no PATH");
    }

    @Test
    void twoServersOfOneNameAreAUsageError() {
        String clean = Examples.example("clean").toString();
        CliRun run = CliRun.of("scan", "--server", "ex01", clean, "--server", "EX01", clean);
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("two servers are named 'EX01'");
    }

    @Test
    void aDiskImageIsRefusedWithWhatToDoInstead() throws IOException {
        Path vhdx = Files.write(tmp.resolve("ex01.vhdx"), "vhdxfile and then much more".getBytes(StandardCharsets.US_ASCII));
        CliRun run = CliRun.of("scan", Examples.example("clean").toString(), vhdx.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(vhdx + " is a VHDX disk image. Disk images are out of exhunt's scope")
                .contains("Mount the image read-only");
        assertThat(run.out()).as("nothing scanned when one input is refused").isEmpty();
    }

    @Test
    void theReportNeverOverwritesAZipGivenAsEvidence() throws IOException {
        Path zip = zipOf("clean", tmp.resolve("clean.zip"));
        byte[] before = Files.readAllBytes(zip);
        CliRun run = CliRun.of("scan", "-o", zip.toString(), zip.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("inside the evidence");
        assertThat(Files.readAllBytes(zip)).isEqualTo(before);
    }

    @Test
    void theHelpShowsHowToGroupInputs() {
        CliRun run = CliRun.of("scan", "--help");
        assertThat(run.out()).contains("Usage: exhunt scan [OPTIONS] PATH...")
                .contains("exhunt scan [OPTIONS] [PATH...] (--server NAME PATH...)...")
                .contains("--server=NAME");
    }

    @Test
    void whatAHostileZipHidesIsListedInTheReportAndTheRestIsScanned() throws IOException {
        Path zip = zipOf("hafnium-webshell", tmp.resolve("triage.zip"), "../../Windows/System32/evil.aspx");
        Path report = tmp.resolve("report.jsonl");
        CliRun console = CliRun.of("scan", zip.toString());
        CliRun jsonl = CliRun.of("scan", "--format", "jsonl", "-o", report.toString(), zip.toString());

        // the shell inside is still found (exit 1 outranks 3, "incomplete"), and the entry that tried to leave the
        // drive is named, not read, in both reports
        assertThat(console.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(console.out()).contains("Not read").contains("'../../Windows/System32/evil.aspx' not read: '..' segment (path traversal)");
        assertThat(jsonl.code()).isEqualTo(ExitCodes.COMPROMISE);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> diagnostics = new ArrayList<>();
        for (String line : Files.readAllLines(report)) {
            JsonNode node = json.readTree(line);
            if (node.get("type").asText().equals("diagnostic")) diagnostics.add(node);
        }
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.get("level").asText()).isEqualTo("error");
            assertThat(d.get("code").asText()).isEqualTo("source.unsafe-name");
            assertThat(d.get("message").asText()).contains("../../Windows/System32/evil.aspx");
        });
    }

    /** Zips an example image as a responder would: paths relative to the drive's top, the files' times. */
    private static Path zipOf(String example, Path zip, String... extraEntries) throws IOException {
        Path image = Examples.example(example);
        java.util.Map<String, java.time.Instant> times = ExampleTimes.read(ExampleImages.times(example));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(image)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(image.relativize(f).toString().replace('\\', '/'));
                entry.setLastModifiedTime(FileTime.from(times.get(entry.getName())));
                out.putNextEntry(entry);
                Files.copy(f, out);
                out.closeEntry();
            }
            for (String name : extraEntries) {
                out.putNextEntry(new ZipEntry(name));
                out.write("<%@ Page Language=\"C#\" %>".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    /** The directory's hand-written expected output, with its {@code @IMAGE@/...} paths made entries of the zip. */
    private static String golden(String name, Path zip) throws IOException {
        try (InputStream in = ScanSourcesTest.class.getResourceAsStream("golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@IMAGE@/", zip + "!/")
                    .replace("@IMAGE@", zip.toString())
                    .replace("@EXHUNT@", Versions.exhunt())
                    .replace("@RULES@", RulePack.bundled().version())
                    .replace("\n", System.lineSeparator());
        }
    }
}
