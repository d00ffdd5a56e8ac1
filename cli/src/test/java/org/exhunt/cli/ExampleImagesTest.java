package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.testkit.image.ScanAnswer;
import org.exhunt.testkit.image.ScanCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example image under examples/, scanned as a user scans it ({@code exhunt scan --format jsonl}, its files with
 * the times of its story), gets the verdicts, findings and exit code its {@code <name>.expected.json} names.
 */
class ExampleImagesTest {

    @TempDir
    Path tmp;

    @Test
    void everyExampleImageGetsItsExpectedVerdictsFindingsAndExitCode() throws IOException {
        List<String> names = ExampleImages.names();
        assertThat(names).contains("hafnium-webshell", "clean", "proxylogon-victim", "proxyshell-victim",
                "proxynotshell-victim", "attempted-only", "clean-with-lookalikes", "logs-start-too-late");
        List<ScanCheck.Mismatch> mismatches = new ArrayList<>();
        for (String name : names) {
            Path report = tmp.resolve(name + ".jsonl");
            // as the launcher gives the checkout's files their stories' times: git keeps none
            Path image = ExampleImages.copyWithTheirTimes(name, tmp.resolve(name));
            CliRun run = CliRun.of("scan", "--no-progress", "--quiet", "--format", "jsonl", "-o", report.toString(), image.toString());
            assertThat(run.err()).as("standard error of the scan of %s", name).isEmpty();
            // the report as a user's script reads it: its lines' data, never the notes
            mismatches.addAll(ScanCheck.check(ExampleImages.expected(name), ScanAnswer.ofJsonl(JsonlResult.lines(report)),
                    run.code()));
        }
        assertThat(mismatches).isEmpty();
    }
}
