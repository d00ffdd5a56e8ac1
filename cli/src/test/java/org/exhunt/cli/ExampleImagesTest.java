package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.hunt.examples.KnownGaps;
import org.exhunt.hunt.examples.ScanCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example image under examples/, scanned as a user scans it ({@code exhunt scan --format jsonl}), gets the
 * verdicts, findings and exit code its {@code <name>.expected.json} names. Differences that are a known gap of
 * today's scan, or follow from one, are printed and set aside ({@link KnownGaps}); every known gap must still show
 * here, so that a fixed one leaves the list.
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
        Map<String, ServerResult> results = new HashMap<>();
        for (String name : names) {
            Path report = tmp.resolve(name + ".jsonl");
            CliRun run = CliRun.of("scan", "--no-progress", "--format", "jsonl", "-o", report.toString(),
                    ExampleImages.image(name).toString());
            assertThat(run.err()).as("standard error of the scan of %s", name).isEmpty();
            ServerResult result = JsonlResult.read(report);
            results.put(name, result);
            mismatches.addAll(ScanCheck.check(ExampleImages.expected(name), result, run.code()));
        }
        KnownGaps.Split split = KnownGaps.split(mismatches, results);
        split.known().forEach(k -> System.out.println("ExampleImagesTest, known gap: " + k));
        assertThat(split.failures()).isEmpty();
        assertThat(KnownGaps.unseen(split)).as("gaps the examples no longer show: fixed, remove them from KnownGaps").isEmpty();
    }
}
