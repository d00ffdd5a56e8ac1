package org.exhunt.hunt.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.Record;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.logs.LogFiles;
import org.exhunt.logs.RecordStream;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;

/** Exchange's installs among an Application event log's Windows Installer events, read as a scan reads them. */
class MsiEventsTest {

    private static final Instant T = Instant.parse("2021-03-03T14:12:05Z");

    @Test
    void updatesAndProductInstallsOfExchangeAreItsPatchHistoryAndOtherProductsAreNot() throws Exception {
        byte[] evtx = EvtxWriter.toBytes(List.of(
                EventSamples.msiUpdate(T, "Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871)", true),
                EventSamples.msiUpdate(T.plusSeconds(60), "Security Update for Exchange Server 2019 Cumulative Update 12"
                        + " (KB5019758) 15.2.1118.20", false),
                EventSamples.msiProduct(T.plusSeconds(120), "Microsoft Exchange Server", "15.1.2242.4", 0),
                EventSamples.msiProduct(T.plusSeconds(180), "Microsoft Visual C++ 2013 Redistributable (x64)", "12.0.40664", 0),
                EventSamples.cmdlet(T.plusSeconds(240), 1, "Get-Mailbox", "")));
        PatchHistory history = new PatchHistory(RulePack.bundled().knowledgeBase());
        try (RecordStream records = LogFiles.open("Windows/System32/winevt/Logs/Application.evtx", new ByteArrayInputStream(evtx),
                d -> {}).orElseThrow()) {
            while (records.hasNext()) {
                Record r = records.next();
                history.observe(r);
            }
        }
        assertThat(history.events()).extracting(PatchEvent::action, PatchEvent::build, PatchEvent::outcome, PatchEvent::time)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PatchEvent.Action.UPDATE, "15.1.2176.9", PatchEvent.Outcome.SUCCEEDED, T),
                        org.assertj.core.groups.Tuple.tuple(PatchEvent.Action.UPDATE, "15.2.1118.20", PatchEvent.Outcome.FAILED,
                                T.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple(PatchEvent.Action.UPGRADE, "15.1.2242.4", PatchEvent.Outcome.SUCCEEDED,
                                T.plusSeconds(120)));
        assertThat(history.events()).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(PatchEvent.Kind.MSI_INSTALL);
            assertThat(e.uncertainty()).isEqualTo(Duration.ZERO);
            assertThat(e.source()).startsWith("Windows/System32/winevt/Logs/Application.evtx@");
        });
        assertThat(history.events().get(0).what())
                .isEqualTo("MsiInstaller 1022: Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871) installed");
    }
}
