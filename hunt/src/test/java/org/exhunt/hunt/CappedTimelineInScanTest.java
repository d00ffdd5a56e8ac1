package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Limits;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 10: when the exploit came from more addresses than the findings kept per rule can hold, the
 * row's timeline counts every finding, those kept and those not, and its addresses are the kept findings' only
 * ("and 1992 more" read as the whole story when there were millions; report's NotesTest has the words).
 */
class CappedTimelineInScanTest {

    private static final int ADDRESSES = 3 * Limits.FINDINGS_PER_RULE;

    @TempDir
    Path drive;

    @Test
    void theProxyShellTimelineCountsWhatTheCapDropped() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ADDRESSES; i++) {
            lines.add(String.format("2021-03-03 %02d:%02d:%02d 10.0.0.5 GET /autodiscover/autodiscover.json"
                    + " @evil.corp/powershell/?&Email=autodiscover/autodiscover.json%%3F@evil.corp 443 - 198.51.%d.%d"
                    + " python-requests/2.25.1 - 200 0 0 15", i / 3600, i / 60 % 60, i % 60, i / 250, i % 250));
        }
        new TestDrive(drive).exSetup(15, 1, 2176, 2).iisLog(lines.toArray(String[]::new));

        ServerResult r = Hunt.with(RulePack.bundled(), HuntOptions.defaults()).scan("test", List.of(new DirectorySource(drive)));

        RowTimeline timeline = r.facts().scan().timelines().stream().filter(t -> t.row().equals(Rows.PROXYSHELL)).findFirst()
                .orElseThrow();
        long kept = r.findings().stream().filter(f -> Rows.PROXYSHELL.equals(f.chain()) && f.stage() != Stage.CONTEXT).count();
        assertThat(timeline.findings()).as("the row's findings kept").isEqualTo(kept);
        assertThat(timeline.findingsNotKept()).as("those the cap did not keep, counted").isPositive();
        assertThat(timeline.findings() + timeline.findingsNotKept()).as("every exploit request counted, per rule that fired on it")
                .isGreaterThanOrEqualTo(ADDRESSES);
        assertThat(timeline.exploitClientCount()).as("the addresses are the kept findings' only").isLessThan(ADDRESSES);
    }
}
