package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.facts.PatchEvent;
import org.junit.jupiter.api.Test;

class HistoryWordsTest {

    @Test
    void withoutAnInstallRecordedTheNoteSaysOnlyTheLogLinesDateTheBuild() {
        List<String> lines = HistoryWords.of(List.of(event(PatchEvent.Kind.LOG_BUILD, PatchEvent.Outcome.UNKNOWN,
                PatchEvent.Strength.OBSERVED, Duration.ZERO, 1)));
        assertThat(lines).containsExactly("Patch history: no setup log, installer event or update log in the evidence:"
                + " when each build was installed is known only from the logs' lines");
    }

    @Test
    void aFailedRunADoubtfulTimeAndAHintAreSaidSo() {
        List<String> lines = HistoryWords.of(List.of(
                event(PatchEvent.Kind.SETUP_LOG, PatchEvent.Outcome.FAILED, PatchEvent.Strength.RECORDED, Duration.ofHours(7), 1),
                event(PatchEvent.Kind.FILE_TIME, PatchEvent.Outcome.UNKNOWN, PatchEvent.Strength.HINT, Duration.ZERO, 2)));
        assertThat(lines).containsExactly(
                "Patch history: 2021-03-01T10:00:00Z ± 7 h entry 1 (failed) [source 1]",
                "Patch history: 2021-03-02T10:00:00Z entry 2 [source 2] (a hint only: file times change with copies)");
    }

    @Test
    void aLongHistoryIsNamedUpToTheCapAndTheRestCounted() {
        List<PatchEvent> history = new ArrayList<>();
        for (int i = 1; i <= HistoryWords.SHOWN + 3; i++) {
            history.add(event(PatchEvent.Kind.MSI_INSTALL, PatchEvent.Outcome.SUCCEEDED, PatchEvent.Strength.RECORDED, Duration.ZERO, i));
        }
        List<String> lines = HistoryWords.of(history);
        assertThat(lines).hasSize(HistoryWords.SHOWN + 1);
        assertThat(lines.get(HistoryWords.SHOWN)).isEqualTo("Patch history: 3 more entries (see the facts)");
    }

    private static PatchEvent event(PatchEvent.Kind kind, PatchEvent.Outcome outcome, PatchEvent.Strength strength,
                                    Duration uncertainty, int n) {
        return new PatchEvent(kind, kind == PatchEvent.Kind.LOG_BUILD ? PatchEvent.Action.RUNNING : PatchEvent.Action.UPDATE,
                Instant.parse("2021-03-01T10:00:00Z").plus(Duration.ofDays(n - 1)), null, uncertainty, "15.1.2176.9",
                "entry " + n, outcome, "source " + n, strength);
    }
}
