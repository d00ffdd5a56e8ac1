package org.exhunt.hunt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.ServerResult;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.Sources;
import org.exhunt.evidence.UnsupportedEvidenceException;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.HuntOptions;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.ExpectedScan;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.Oracle;
import org.exhunt.testkit.image.RandomScenarios;
import org.exhunt.testkit.image.ScanAnswer;
import org.exhunt.testkit.image.ScanCheck;
import org.exhunt.testkit.image.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images no test has seen: every run draws new scenarios (other builds, times, addresses, shell names and
 * folders, log mixes, traffic volumes), builds them, scans them with the bundled rule pack and checks the scan
 * against what the oracle derives from the scenario alone. The run's seed is printed; replay a failure with
 * {@code -Dexhunt.fresh.seed=SEED} (and more images with {@code -Dexhunt.fresh.count=N}).
 */
class FreshImagesTest {

    @TempDir
    Path tmp;

    @Test
    void verdictsAndFindingsOnImagesNoTestHasSeen() throws IOException, UnsupportedEvidenceException {
        long runSeed = Long.getLong("exhunt.fresh.seed", System.nanoTime());
        int count = Integer.getInteger("exhunt.fresh.count", 12);
        System.out.println("FreshImagesTest: seed " + runSeed + ", " + count + " images");
        BuildTable table = BuildTable.read(ExampleImages.buildTable());
        Hunt hunt = Hunt.with(RulePack.bundled(), HuntOptions.defaults());
        List<ScanCheck.Mismatch> mismatches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scenario s = RandomScenarios.draw(runSeed + i, table);
            Path image = tmp.resolve(s.name());
            ImageBuilder.write(s, image);
            Path expectedFile = tmp.resolve(s.name() + ".expected.json");
            Oracle.expect(s, table).writeTo(expectedFile);
            ServerResult result;
            try (EvidenceSource source = Sources.open(image)) {
                result = hunt.scan(s.name(), List.of(source));
            }
            mismatches.addAll(ScanCheck.check(ExpectedScan.read(expectedFile), ScanAnswer.of(result), null));
        }
        assertThat(mismatches).as("run seed %d: replay with -Dexhunt.fresh.seed=%d", runSeed, runSeed).isEmpty();
    }
}
