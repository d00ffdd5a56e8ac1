package org.exhunt.hunt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.exhunt.core.ServerResult;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.Sources;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.HuntOptions;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.ExpectedScan;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.LargeScenarios;
import org.exhunt.testkit.image.Oracle;
import org.exhunt.testkit.image.ScanAnswer;
import org.exhunt.testkit.image.ScanCheck;
import org.exhunt.testkit.image.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan benchmark's image (bench/hunt.sh), at a small size: two intrusions in logs kept for different spans, a
 * back-end IIS site, nine HttpProxy folders and the install's files around them, scanned with the bundled rule pack
 * and checked against what the oracle derives from the scenario, as every example image is.
 */
class LargeImageTest {

    @TempDir
    Path tmp;

    @Test
    void theBenchmarksImageIsScannedAsTheOracleSays() throws Exception {
        Scenario s = LargeScenarios.twoIntrusions(1_500, 6 << 20);
        Path image = tmp.resolve("image");
        ImageBuilder.write(s, image);
        Path expected = tmp.resolve("expected.json");
        Oracle.expect(s, BuildTable.read(ExampleImages.buildTable())).writeTo(expected);
        ServerResult result;
        try (EvidenceSource source = Sources.open(image)) {
            result = Hunt.with(RulePack.bundled(), HuntOptions.defaults()).scan(s.name(), List.of(source));
        }
        assertThat(ScanCheck.check(ExpectedScan.read(expected), ScanAnswer.of(result), null)).isEmpty();
    }
}
