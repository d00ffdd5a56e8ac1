package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server image's Windows event logs are read by the scan through the EVTX reader (issue 9). */
class EventLogsInScanTest {

    private static final String LOGS = "Windows/System32/winevt/Logs/";
    private static final Instant T = Instant.parse("2021-08-09T10:15:00Z");

    @TempDir
    Path drive;

    @Test
    void eventLogsAreReadAndTheirSpanReported() throws Exception {
        write(LOGS + "MSExchange Management.evtx", EvtxWriter.toBytes(List.of(
                EventSamples.mailboxImportExportRoleAssignment(T),
                EventSamples.mailboxExportToWebRoot(T.plusSeconds(90)))));

        ServerResult r = scan();

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.facts().scan().logs()).containsExactly(new LogCoverage("evtx", 1, 2, 0,
                Instant.parse("2021-08-09T10:15:00Z"), Instant.parse("2021-08-09T10:16:30Z"), List.of()));
        assertThat(r.facts().scan().examined().logFilesRead()).isEqualTo(1);
    }

    @Test
    void aDamagedEventLogIsReadAsFarAsItGoesAndMakesTheScanIncomplete() throws Exception {
        List<EvtxEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) events.add(EventSamples.securityLsassDump(T.plusSeconds(i)));
        write(LOGS + "Security.evtx", Arrays.copyOf(EvtxWriter.toBytes(events), 4096 + 20_000));

        ServerResult r = scan();

        assertThat(r.isIncomplete()).isTrue();
        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::code).contains("evtx.file.truncated");
        assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.where().file()).endsWith("Security.evtx"));
        assertThat(r.facts().scan().logs()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("evtx");
            assertThat(c.files()).isEqualTo(1);
            assertThat(c.records()).isBetween(10L, 59L);
            assertThat(c.oldest()).isEqualTo(T);
            assertThat(c.newest()).isBetween(T, T.plusSeconds(59));
        });
    }

    private ServerResult scan() {
        Hunt hunt = Hunt.with(TestPacks.withKnowledgeBase(Map.of("VERSION", "test")), HuntOptions.defaults());
        return hunt.scan("test", List.of(new DirectorySource(drive)));
    }

    private void write(String path, byte[] content) throws IOException {
        Path p = drive.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
    }
}
