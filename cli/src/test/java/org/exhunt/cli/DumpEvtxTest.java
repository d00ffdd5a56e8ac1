package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxDamage;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhunt dump FILE.evtx} end to end on real Windows logs from SigmaHQ's regression data (expected
 * values are those of the evtx_dump JSON beside each file) and on written ones with events in chunk slack (issue 9).
 */
class DumpEvtxTest {

    private static final String RULES = "sigma/regression/regression_data/rules/windows/builtin/";

    @TempDir
    Path dir;

    @Test
    void dumpsEventDataWithItsAttributesAndSystemFieldsAsEvtxDumpRendersThem() throws IOException {
        Path log = evtx(RULES + "taskscheduler/win_taskscheduler_susp_schtasks_delete_or_disable");
        CliRun run = CliRun.of("dump", "--raw", log.toString());
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        List<JsonNode> records = DumpCommandTest.lines(run.out());
        assertThat(records).hasSize(1);
        JsonNode r = records.get(0);
        assertThat(r.path("type").asText()).isEqualTo("evtx");
        // the FILETIME's seven digits; SigmaHQ's evtx_dump rendering beside the file cuts them to 05:16:41.815720Z
        assertThat(r.path("time").asText()).isEqualTo("2026-03-11T05:16:41.8157206Z");
        assertThat(r.path("source").path("record").asText()).isEqualTo("14");
        JsonNode f = r.path("fields");
        assertThat(f.path("Provider_Name").asText()).isEqualTo("Microsoft-Windows-TaskScheduler");
        assertThat(f.path("Provider_Guid").asText()).isEqualTo("DE7B24EA-73C8-4A09-985D-5BDADCFA9017");
        assertThat(f.path("EventID").asText()).isEqualTo("142");
        assertThat(f.path("Keywords").asText()).isEqualTo("0x8000000000000000");
        assertThat(f.path("TimeCreated_SystemTime").asText()).isEqualTo("2026-03-11T05:16:41.8157206Z");
        assertThat(f.path("Security_UserID").asText()).isEqualTo("S-1-5-18");
        assertThat(f.path("EventData_Name").asText()).isEqualTo("TaskDisabled");
        assertThat(f.path("TaskName").asText()).isEqualTo("\\Microsoft\\Windows\\SystemRestore\\SR");
        assertThat(f.path("UserName").asText()).isEqualTo("System");
        assertThat(r.path("raw").asText()).startsWith("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">")
                .contains("SystemTime=\"2026-03-11T05:16:41.8157206Z\"");
    }

    @Test
    void dumpsUserDataLeaves() throws IOException {
        Path log = evtx(RULES + "wmi/win_wmi_activity_nteventlogfile_cleareventlog");
        CliRun run = CliRun.of("dump", log.toString());
        assertThat(run.code()).isZero();
        JsonNode f = DumpCommandTest.lines(run.out()).get(0).path("fields");
        assertThat(f.path("EventID").asText()).isEqualTo("5858");
        assertThat(f.path("Correlation_ActivityID").asText()).isEqualTo("8E521E2B-7C26-0001-417F-9C8E267CDB01");
        assertThat(f.path("Operation").asText()).isEqualTo("Start IWbemServices::ExecMethod - ROOT\\CIMV2 : "
                + "\\\\SWACHCHHANDA\\ROOT\\CIMV2:Win32_NTEventlogFile.Name=\"C:\\\\WINDOWS\\\\System32\\\\Winevt\\\\Logs\\\\System.evtx\"::cleareventlog");
        assertThat(f.path("ResultCode").asText()).isEqualTo("0x80041003");
        assertThat(f.path("ClientProcessId").asText()).isEqualTo("25920");
    }

    @Test
    void aDamagedLogIsDumpedAsFarAsItGoesWithPositionedProblemsAndExitCode3() throws IOException {
        byte[] whole = Files.readAllBytes(evtx(RULES + "wmi/win_wmi_activity_nteventlogfile_cleareventlog"));
        Path cut = Files.write(dir.resolve("Microsoft-Windows-WMI-Activity%4Operational.evtx"), Arrays.copyOf(whole, 5000));
        CliRun run = CliRun.of("dump", cut.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.err()).contains(cut + "@5000: the file ends inside a chunk").contains("[evtx.file.truncated]");
    }

    @Test
    void recoverSlackAlsoDumpsTheEventsAChunkHoldsAfterItsLastListedRecord() throws IOException {
        Instant t = Instant.parse("2021-08-20T01:00:00Z");
        List<EvtxEvent> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) events.add(EventSamples.cmdlet(t.plusSeconds(i), 1, "Get-Mailbox", "-Identity 'user" + i + "'"));
        events.add(EventSamples.mailboxExportToWebRoot(t.plusSeconds(60)));
        byte[] file = EvtxWriter.toBytes(events);
        EvtxDamage.hideInSlack(file, 0, 3);   // as a reused chunk or a cleared log leaves them
        Path log = Files.write(dir.resolve("MSExchange Management.evtx"), file);

        CliRun plain = CliRun.of("dump", log.toString());
        assertThat(plain.code()).isZero();
        assertThat(DumpCommandTest.lines(plain.out())).hasSize(7);
        assertThat(plain.err()).contains("3 record-like structures after the chunk's last record were not read"
                + " (--recover-slack reads them) [evtx.chunk.slack]");

        CliRun recovered = CliRun.of("dump", "--recover-slack", log.toString());
        assertThat(recovered.code()).isZero();
        List<JsonNode> records = DumpCommandTest.lines(recovered.out());
        assertThat(records).hasSize(10);
        assertThat(records.subList(7, 10)).extracting(r -> r.path("source").path("record").asText())
                .containsExactly("8", "9", "10");
        assertThat(records.get(9).path("fields").path("Data").get(0).asText()).isEqualTo("New-MailboxExportRequest");
        assertThat(recovered.err()).contains("3 records recovered from space after the chunk's last record")
                .contains("[evtx.chunk.recovered]");
    }

    @Test
    void theHelpSaysWhatIsReadAndOffersSlackRecovery() {
        CliRun help = CliRun.of("dump", "--help");
        assertThat(help.out()).contains("Windows event logs (.evtx)").contains("--recover-slack");
    }

    /** The one .evtx file of a regression-data folder of the shared corpus. */
    private static Path evtx(String folder) throws IOException {
        try (var files = Files.list(TestEnvironment.corpus(folder))) {
            return files.filter(p -> p.toString().endsWith(".evtx")).findFirst().orElseThrow();
        }
    }
}
