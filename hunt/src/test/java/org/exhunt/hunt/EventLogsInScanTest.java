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
        assertThat(r.notes()).contains("evtx logs: 2 records in 1 file, 2021-08-09T10:15:00Z to 2021-08-09T10:16:30Z");
        assertThat(r.notes()).anyMatch(n -> n.endsWith(" 1 log files read"));
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
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).matches(
                "evtx logs: [1-5][0-9] records in 1 file, 2021-08-09T10:15:00Z to 2021-08-09T10:1[5-6]:[0-9]{2}Z.*"));
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
