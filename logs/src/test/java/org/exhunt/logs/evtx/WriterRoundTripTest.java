package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Record;
import org.exhunt.logs.LogReaders;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxValue;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;

/** Events written by the testkit writer read back with the fields docs/record-fields.md names. */
class WriterRoundTripTest {

    /** A time to the 100 ns of a FILETIME: it must come back whole, as the field's text and as the record's time. */
    private static final Instant T = Instant.parse("2021-03-02T05:24:53.0920514Z");

    @Test
    void cmdletLogEventHasSystemFieldsAndUnnamedDataInOrder() {
        Record r = readOne(EventSamples.mailboxExportToWebRoot(T));
        assertThat(fields(r)).containsExactly(
                entry("Provider_Name", List.of("MSExchange CmdletLogs")),
                entry("EventID_Qualifiers", List.of("16384")),
                entry("EventID", List.of("1")),
                entry("Version", List.of("0")),
                entry("Level", List.of("4")),
                entry("Task", List.of("1")),
                entry("Opcode", List.of("0")),
                entry("Keywords", List.of("0x80000000000000")),
                entry("TimeCreated_SystemTime", List.of("2021-03-02T05:24:53.0920514Z")),
                entry("EventRecordID", List.of("1")),
                entry("Execution_ProcessID", List.of("4")),
                entry("Execution_ThreadID", List.of("8")),
                entry("Channel", List.of("MSExchange Management")),
                entry("Computer", List.of("EXCH01.contoso.local")),
                entry("Data", List.of("New-MailboxExportRequest",
                        "-Mailbox \"administrator@contoso.local\" -FilePath \"\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x4mfa.aspx\"",
                        "contoso.local/Users/Administrator", "S-1-5-21-3623811015-3361044348-30300820-500",
                        "S-1-5-21-3623811015-3361044348-30300820-500", "Remote-ManagementShell-Unknown",
                        "6892 w3wp#MSExchangePowerShellAppPool", "", "00:00:01.2031250",
                        "View Entire Forest: 'False', Default Scope: 'contoso.local', Configuration Domain Controller: 'DC01.contoso.local'",
                        "")));
        assertThat(r.field("data")).as("lookup ignores case; field() gives the first value").isEqualTo("New-MailboxExportRequest");
        assertThat(r.type()).isEqualTo("evtx");
        assertThat(r.time()).isEqualTo(T);
        assertThat(r.source().recordId()).isEqualTo("1");
        assertThat(r.source().offset()).isEqualTo(4096 + 512);
    }

    @Test
    void securityEventDataNestedAsBinaryXmlReadsByName() {
        Record r = readOne(EventSamples.securityLsassDump(T));
        assertThat(r.field("Provider_Guid")).isEqualTo("54849625-5478-4994-A5BA-3E3B0328C30D");
        assertThat(r.field("Keywords")).isEqualTo("0x8020000000000000");
        assertThat(r.field("SubjectUserSid")).isEqualTo("S-1-5-18");
        assertThat(r.field("SubjectLogonId")).isEqualTo("0x3e7");
        assertThat(r.field("CommandLine")).isEqualTo(
                "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 708 C:\\inetpub\\wwwroot\\aspnet_client\\lsass.dmp full");
        assertThat(r.field("MandatoryLabel")).isEqualTo("S-1-16-16384");
        assertThat(r.field("Security_UserID")).as("an optional substitution left empty is no field").isNull();
    }

    @Test
    void sysmonTypedValuesRenderAsEvtxDump() {
        Record r = readOne(EventSamples.sysmonW3wpStartsCmd(T, "cmd /c whoami"));
        assertThat(r.field("ProcessGuid")).isEqualTo("0197231E-4A83-694D-9E0E-000000000800");
        assertThat(r.field("LogonId")).isEqualTo("0x3e7");
        assertThat(r.field("ProcessId")).isEqualTo("14144");
        assertThat(r.field("Security_UserID")).isEqualTo("S-1-5-18");
        assertThat(r.field("Provider_Guid")).isEqualTo("5770385F-C22A-43E0-BF4C-06F5698FFBD9");
        assertThat(r.field("ParentImage")).isEqualTo("c:\\windows\\system32\\inetsrv\\w3wp.exe");
        assertThat(r.field("Product")).isEqualTo("Microsoft® Windows® Operating System");
    }

    @Test
    void userDataLeavesAttributesAndArraysOfEveryType() {
        EvtxEvent e = EvtxEvent.builder("Test-Provider", "Test/Operational", 7, T)
                .activityId("8e521e2b-7c26-0001-417f-9c8e267cdb01")
                .userData("Operation_ClientFailure", "http://manifests.microsoft.com/win/2006/windows/WMI", List.of(
                        new EvtxEvent.Data("Id", EvtxValue.string("{00000000-0000-0000-0000-000000000000}")),
                        new EvtxEvent.Data("ClientProcessId", EvtxValue.uint32(25920)),
                        new EvtxEvent.Data("ResultCode", EvtxValue.hex32(0x80041003L)),
                        new EvtxEvent.Data("Names", EvtxValue.strings("a", "b", "c")),
                        new EvtxEvent.Data("Ports", EvtxValue.array(EvtxValue.uint16(80), EvtxValue.uint16(443)))))
                .build();
        Record r = readOne(e);
        assertThat(r.field("Correlation_ActivityID")).isEqualTo("8E521E2B-7C26-0001-417F-9C8E267CDB01");
        assertThat(r.field("Id")).isEqualTo("{00000000-0000-0000-0000-000000000000}");
        assertThat(r.field("ClientProcessId")).isEqualTo("25920");
        assertThat(r.field("ResultCode")).isEqualTo("0x80041003");
        assertThat(r.values("Names")).as("an array repeats its element").containsExactly("a", "b", "c");
        assertThat(r.values("Ports")).containsExactly("80", "443");
        assertThat(r.fieldNames()).doesNotContain("Operation_ClientFailure_xmlns");
        assertThat(r.raw()).contains("<Names>a</Names><Names>b</Names><Names>c</Names>");
    }

    /** Defender's EventData names hold spaces; each answers to its name without them as well, and nothing else does. */
    @Test
    void eventDataNamesWithSpacesAnswerWithoutThem() {
        Record r = readOne(EventSamples.defenderRemediationFailed(T, "Tool:Win32/EICAR_Test_File", "C:\\RedSun.exe", "C:\\x.exe"));
        assertThat(r.field("Threat Name")).isEqualTo("Tool:Win32/EICAR_Test_File");
        assertThat(r.field("ThreatName")).isEqualTo("Tool:Win32/EICAR_Test_File");
        assertThat(r.values("processname")).containsExactly("C:\\RedSun.exe");
        assertThat(r.field("SourceName")).isEqualTo("Real-Time Protection");
        assertThat(r.field("Threat")).isNull();
        assertThat(r.fieldNames()).contains("Threat Name", "Process Name").doesNotContain("ThreatName");

        Record sysmon = readOne(EventSamples.sysmonW3wpStartsCmd(T, "cmd /c whoami"));
        assertThat(sysmon.field("Command Line")).as("a rule's name with spaces finds the event's without").isEqualTo("cmd /c whoami");
        assertThat(sysmon.field("Command Lines")).isNull();
    }

    @Test
    void everyScalarTypeInEventDataWithBinary() {
        EvtxEvent e = EvtxEvent.builder("Test-Provider", "Application", 9, T).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML)
                .data("s", "text").data("a", EvtxValue.ansi("ansi é"))
                .data("i8", EvtxValue.int8(-5)).data("u8", EvtxValue.uint8(250))
                .data("i16", EvtxValue.int16(-300)).data("u16", EvtxValue.uint16(65000))
                .data("i32", EvtxValue.int32(-70000)).data("u32", EvtxValue.uint32(4000000000L))
                .data("i64", EvtxValue.int64(-5_000_000_000L)).data("u64", EvtxValue.uint64(-1L))
                .data("f32", EvtxValue.real32(1.5f)).data("f64", EvtxValue.real64(0.1))
                .data("b", EvtxValue.bool(true)).data("guid", EvtxValue.guid("{0197231e-ab9f-67aa-e703-000000000000}"))
                .data("ft", EvtxValue.filetime(T)).data("st", EvtxValue.systemtime(T))
                .data("sid", EvtxValue.sid("S-1-5-32-544")).data("h32", EvtxValue.hex32(255)).data("h64", EvtxValue.hex64(0x3c44cL))
                .data("empty", "")
                .binary(new byte[] {(byte) 0xd9, 0x06, 0, 0})
                .build();
        Record r = readOne(e);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("s", "text");
        expected.put("a", "ansi é");
        expected.put("i8", "-5");
        expected.put("u8", "250");
        expected.put("i16", "-300");
        expected.put("u16", "65000");
        expected.put("i32", "-70000");
        expected.put("u32", "4000000000");
        expected.put("i64", "-5000000000");
        expected.put("u64", "18446744073709551615");
        expected.put("f32", "1.5");
        expected.put("f64", "0.1");
        expected.put("b", "true");
        expected.put("guid", "0197231E-AB9F-67AA-E703-000000000000");
        expected.put("ft", "2021-03-02T05:24:53.0920514Z");
        expected.put("st", "2021-03-02T05:24:53.0920000Z");
        expected.put("sid", "S-1-5-32-544");
        expected.put("h32", "0xff");
        expected.put("h64", "0x3c44c");
        expected.put("empty", "");
        expected.put("Binary", "D9060000");
        expected.forEach((name, value) -> assertThat(r.values(name)).as(name).containsExactly(value));
    }

    @Test
    void thousandsOfEventsSpanChunksAndKeepTheirOrder() {
        Iterator<EvtxEvent> mix = EventSamples.mix(T);
        List<EvtxEvent> events = new ArrayList<>();
        for (int i = 0; i < 3000; i++) events.add(mix.next());
        Evtx read = Evtx.read(EvtxWriter.toBytes(events));
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.complete()).isTrue();
        assertThat(read.records()).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            Record r = read.records().get(i);
            assertThat(r.field("EventRecordID")).isEqualTo(Integer.toString(i + 1));
            assertThat(r.field("EventID")).isEqualTo(Integer.toString(events.get(i).eventId()));
            assertThat(r.time()).isEqualTo(events.get(i).time());
        }
        assertThat(read.records().get(2999).source().offset()).as("the last record lies chunks past the first")
                .isGreaterThan(4096 + 10 * 65536L);
    }

    @Test
    void theRegistryPicksTheEvtxReader() {
        assertThat(LogReaders.forFile("C:/Windows/System32/winevt/Logs/Security.evtx", new byte[0]))
                .get().extracting(r -> r.format()).isEqualTo("evtx");
        assertThat(LogReaders.forFile("renamed.bin", EvtxWriter.toBytes(List.of(EventSamples.securityLsassDump(T)))))
                .get().extracting(r -> r.format()).isEqualTo("evtx");
        assertThat(EvtxReader.standard().recognizes("u_ex210302.log", "#Software: IIS".getBytes())).isFalse();
    }

    private static Record readOne(EvtxEvent e) {
        Evtx read = Evtx.read(EvtxWriter.toBytes(List.of(e)));
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.records()).hasSize(1);
        return read.records().get(0);
    }

    private static Map<String, List<String>> fields(Record r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        r.fieldNames().forEach(f -> out.put(f, r.values(f)));
        return out;
    }
}
