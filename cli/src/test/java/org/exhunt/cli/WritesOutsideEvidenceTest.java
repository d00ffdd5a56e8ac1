package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.exhunt.hunt.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 1: reports and collections never land in the evidence, whichever way a path leads there: a link
 * to the evidence folder, a report path that is a link (symbolic or hard) to an evidence file, a PATH given as a
 * link, a bind mount. Each is a usage error before anything is read, and the evidence is unchanged.
 */
class WritesOutsideEvidenceTest {

    private static final String PAGE = "inetpub/wwwroot/iisstart.htm";

    @TempDir
    Path tmp;

    private Path evidence;
    private String before;

    @BeforeEach
    void image() throws IOException {
        evidence = Examples.copyWithFixedTimes(Examples.CLEARED, tmp.resolve("evidence"));
        before = TreeSnapshot.of(evidence);
    }

    @Test
    void aReportThroughALinkToTheEvidenceFolderIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("evlink"), evidence);

        CliRun run = CliRun.of("scan", "-o", link.resolve("r.txt").toString(), evidence.toString());

        refused(run, "would be written inside the evidence");
        CliRun several = CliRun.of("scan", "--format", "jsonl,csv", "-o", link.resolve("r").toString(), evidence.toString());
        refused(several, "would be written inside the evidence");
    }

    @Test
    void aReportPathThatIsASymbolicLinkToAnEvidenceFileIsRefused() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("r.txt"), evidence.resolve(PAGE));

        refused(CliRun.of("scan", "-o", out.resolve("r.txt").toString(), evidence.toString()), "symbolic link");
    }

    @Test
    void aReportPathThatIsAHardLinkToAnEvidenceFileIsRefused() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createLink(out.resolve("r.txt"), evidence.resolve(PAGE));

        refused(CliRun.of("scan", "-o", out.resolve("r.txt").toString(), evidence.toString()), "2 hard links");
    }

    @Test
    void aCollectionThroughALinkToTheEvidenceIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("evlink"), evidence);

        refused(CliRun.of("scan", "--collect", link.resolve("col").toString(), evidence.toString()),
                "the collection folder");
        refused(CliRun.of("scan", "--collect", link.toString(), evidence.toString()), "symbolic link");
    }

    @Test
    void aPathGivenAsALinkStillKeepsReportsOutOfTheFolderItNames() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("evlink"), evidence);

        refused(CliRun.of("scan", "-o", evidence.resolve("r.txt").toString(), link.toString()),
                "would be written inside the evidence");
        refused(CliRun.of("scan", "--collect", evidence.resolve("col").toString(), link.toString()),
                "would be written inside the evidence");
    }

    @Test
    void aReportThroughABindMountOfTheEvidenceIsRefused() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("mnt"));
        assumeThat(run("mount", "--bind", evidence.toString(), mount.toString()))
                .as("mount --bind needs root and a system that allows it; not tested here").isZero();
        try {
            refused(CliRun.of("scan", "-o", mount.resolve("r.txt").toString(), evidence.toString()),
                    "reached through a link or a mount");
        } finally {
            assertThat(run("umount", mount.toString())).isZero();
        }
    }

    @Test
    void anExistingFolderAsTheReportIsAUsageError() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("reports"));

        CliRun run = CliRun.of("scan", "-o", folder.toString(), evidence.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is a folder; give a file name");
    }

    @Test
    void aReportFileIsWrittenWhereItWasNamedAndOverwrittenWhenItIsAPlainFile() throws IOException {
        Path report = Files.writeString(tmp.resolve("r.txt"), "an older report");

        CliRun run = CliRun.of("scan", "-o", report.toString(), evidence.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(report)).startsWith("exhunt ");
        assertThat(TreeSnapshot.of(evidence)).isEqualTo(before);
    }

    @Test
    void aLinkPutInPlaceAfterTheChecksIsNotWrittenThrough() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("r.txt"), evidence.resolve(PAGE));

        assertThatThrownBy(() -> ReportOutputs.open(link).close()).isInstanceOf(IOException.class);
        assertThat(TreeSnapshot.of(evidence)).isEqualTo(before);
    }

    private void refused(CliRun run, String why) throws IOException {
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(why);
        assertThat(TreeSnapshot.of(evidence)).isEqualTo(before);
        assertThat(Files.readString(evidence.resolve(PAGE), StandardCharsets.UTF_8)).doesNotStartWith("exhunt ");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
