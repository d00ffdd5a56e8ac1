package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;

class SigmaFileRecordsTest {

    private static final RulePack PACK = RulePack.bundled();

    /** A listed file that fails the test as soon as anything asks what it is. */
    private static final EvidenceFile UNTOUCHABLE = new EvidenceFile() {
        @Override public String drivePath() { throw new AssertionError("file record built"); }
        @Override public SourceRef ref() { throw new AssertionError("file record built"); }
        @Override public long size() { throw new AssertionError("file record built"); }
        @Override public Instant modified() { throw new AssertionError("file record built"); }
        @Override public InputStream open() { throw new AssertionError("file read"); }
    };

    @Test
    void theRulePackAloneReadsNoFileRecordsSoTheListingBuildsNone() {
        List<Diagnostic> problems = new ArrayList<>();
        ChainAttribution attribution = new ChainAttribution(PACK.knowledgeBase().rows(), PACK.text(ChainAttribution.FILE),
                problems::add);
        SigmaDetector sigma = SigmaHunt.load(PACK, List.of(), List.of(), attribution, problems::add)
                .forServer("C:\\Program Files\\Microsoft\\Exchange Server\\V15\\", problems::add);
        SigmaFileRecords files = new SigmaFileRecords(sigma);

        List<Finding> found = new ArrayList<>();
        files.listed(UNTOUCHABLE, null, found::add);

        assertThat(files.wanted()).as("a pack rule on file records would describe all 50,000 files of a scan:"
                + " weigh its cost with bench/hunt.sh").isFalse();
        assertThat(found).isEmpty();
        assertThat(files.seen()).isNull();
        assertThat(problems).isEmpty();
    }
}
