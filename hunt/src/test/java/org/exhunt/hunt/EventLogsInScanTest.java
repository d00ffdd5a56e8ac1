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
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Rows;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.detect.LsassDumpSweep;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.exhunt.testkit.image.Artifacts;
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
                Instant.parse("2021-08-09T10:15:00Z"), Instant.parse("2021-08-09T10:16:30Z"), List.of(),
                java.util.Map.of("EXCH01.contoso.local", 2L)));
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

    private static final String SYSMON_LOG = LOGS + "Microsoft-Windows-Sysmon%4Operational.evtx";
    private static final String RUNDLL = "C:\\Windows\\System32\\rundll32.exe";
    private static final String LSASS = "C:\\Windows\\system32\\lsass.exe";
    private static final Instant DUMPED = Instant.parse("2021-03-03T06:11:30.7310006Z");

    @Test
    void aSysmonFileCreationOfAnLsassDumpAloneIsOneLsassDumpFinding() throws Exception {
        write(SYSMON_LOG, EvtxWriter.toBytes(List.of(EventSamples.sysmonFileCreate(DUMPED, "0197231e-5b21-69e1-d022-000000000800",
                900, "C:\\root\\procdump64.exe", "C:\\Windows\\Temp\\lsass.exe_210303_061130.dmp"))));

        ServerResult r = scanWithThePack();

        assertThat(lsassDumps(r)).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("LSASS Memory Dump Written to Disk");
            assertThat(f.stage()).isEqualTo(Stage.POST_EXPLOITATION);
            assertThat(f.time()).as("to the event's 100 ns").isEqualTo(DUMPED);
            assertThat(f.evidence("TargetFilename")).isEqualTo("C:\\Windows\\Temp\\lsass.exe_210303_061130.dmp");
        });
        assertThat(r.verdicts()).filteredOn(v -> v.row().equals(Rows.POST_EXPLOITATION)).singleElement()
                .satisfies(v -> assertThat(v.compromise()).isEqualTo(Compromise.COMPROMISED));
    }

    /**
     * HAFNIUM's comsvcs.dll dump as every log sees it, and the file left on disk: one finding (the file) linking the
     * command (Sysmon and Security), the access to LSASS, the creation and the write audit. Another program's
     * repeated accesses to LSASS, with no file, are one finding more.
     */
    @Test
    void everyTraceOfOneDumpIsOneFindingAndAnotherProgramsAccessesAnother() throws Exception {
        String command = "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 652 C:\\windows\\temp\\lsass.dmp full";
        write("Windows/Temp/lsass.dmp", Artifacts.minidump(652));
        write(SYSMON_LOG, EvtxWriter.toBytes(List.of(
                EventSamples.sysmonProcess(DUMPED, "0197231e-5b21-69e1-d022-000000000800", 7448, RUNDLL, "Windows host process",
                        "RUNDLL32.EXE", command, "C:\\Windows\\System32\\cmd.exe", "cmd.exe", "NT AUTHORITY\\SYSTEM", 7312),
                EventSamples.sysmonProcessAccess(DUMPED.plusMillis(3), RUNDLL, 7448, LSASS, 652, "0x1fffff"),
                EventSamples.sysmonFileCreate(DUMPED.plusMillis(40), "0197231e-5b21-69e1-d022-000000000800", 7448, RUNDLL,
                        "C:\\Windows\\Temp\\lsass.dmp"),
                EventSamples.sysmonProcessAccess(DUMPED.plusSeconds(60), "C:\\Users\\Public\\m.exe", 4242, LSASS, 652, "0x1010"),
                EventSamples.sysmonProcessAccess(DUMPED.plusSeconds(61), "C:\\Users\\Public\\m.exe", 4242, LSASS, 652, "0x1010"),
                EventSamples.sysmonProcessAccess(DUMPED.plusSeconds(62), "C:\\Users\\Public\\m.exe", 4242, LSASS, 652, "0x1410"))));
        write(LOGS + "Security.evtx", EvtxWriter.toBytes(List.of(
                EventSamples.securityProcess(DUMPED.plusMillis(1), RUNDLL, command, "C:\\Windows\\System32\\cmd.exe", 7448, 7312),
                EventSamples.securityFileWrite(DUMPED.plusMillis(41), "C:\\Windows\\Temp\\lsass.dmp", RUNDLL, 7448))));

        ServerResult r = scanWithThePack();

        assertThat(lsassDumps(r)).hasSize(2);
        Finding dump = lsassDumps(r).stream().filter(f -> f.ruleId().equals(LsassDumpSweep.RULE)).findFirst().orElseThrow();
        assertThat(dump.evidence("path")).isEqualTo("C:\\Windows\\Temp\\lsass.dmp");
        assertThat(dump.linked()).extracting(f -> f.source().file().replaceAll(".*[\\\\/]", "") + " " + f.evidence("EventID"))
                .containsExactly("Microsoft-Windows-Sysmon%4Operational.evtx 1", "Security.evtx 4688",
                        "Microsoft-Windows-Sysmon%4Operational.evtx 10", "Microsoft-Windows-Sysmon%4Operational.evtx 11",
                        "Security.evtx 4663");
        Finding access = lsassDumps(r).stream().filter(f -> f != dump).findFirst().orElseThrow();
        assertThat(access.evidence("SourceImage")).isEqualTo("C:\\Users\\Public\\m.exe");
        assertThat(access.linked()).hasSize(2);
    }

    private static List<Finding> lsassDumps(ServerResult r) {
        return r.findings().stream().filter(f -> f.tags().contains("attack.t1003.001")).toList();
    }

    private ServerResult scanWithThePack() {
        return Hunt.with(RulePack.bundled(), HuntOptions.defaults()).scan("ex01", List.of(new DirectorySource(drive)));
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
