package org.exhunt.logs.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.logs.LogReaders;
import org.exhunt.logs.RecordStream;
import org.junit.jupiter.api.Test;

class JsonLogReaderTest {

    private final List<Diagnostic> problems = new ArrayList<>();

    private List<Record> read(String json) throws IOException {
        List<Record> out = new ArrayList<>();
        try (RecordStream s = new JsonLogReader().open("in.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), problems::add)) {
            while (s.hasNext()) out.add(s.next());
        }
        return out;
    }

    /** Two pretty-printed events one after the other, shaped like SigmaHQ's regression JSON. */
    private static final String EVENTS = """
            {
              "Event": {
                "#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
                "System": {
                  "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9"}},
                  "EventID": 1,
                  "TimeCreated": {"#attributes": {"SystemTime": "2026-04-20T10:00:35.646624Z"}},
                  "Correlation": null,
                  "Execution": {"#attributes": {"ProcessID": 3208, "ThreadID": 1724}},
                  "Channel": "Microsoft-Windows-Sysmon/Operational",
                  "Security": {"#attributes": {"UserID": "S-1-5-18"}}
                },
                "EventData": {"Image": "C:\\\\Windows\\\\cmd.exe", "ProcessId": 6180, "ParentUser": null}
              }
            }
            {
              "Event": {
                "System": {
                  "Provider": {"#attributes": {"Name": "MSExchange CmdletLogs"}},
                  "EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 1},
                  "Channel": "MSExchange Management"
                },
                "EventData": {"Data": {"#text": ["Set-OabVirtualDirectory", "-ExternalUrl 'http://x'"]}, "Binary": "00FF"}
              }
            }
            """;

    @Test
    void eventsAreFlattenedWithTheEvtxNames() throws IOException {
        List<Record> records = read(EVENTS);
        assertThat(problems).isEmpty();
        assertThat(records).hasSize(2);
        Record sysmon = records.get(0);
        assertThat(sysmon.type()).isEqualTo("json");
        assertThat(sysmon.fieldNames()).containsExactly("Provider_Name", "Provider_Guid", "EventID", "TimeCreated_SystemTime",
                "Execution_ProcessID", "Execution_ThreadID", "Channel", "Security_UserID", "Image", "ProcessId");
        assertThat(sysmon.field("provider_name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(sysmon.field("EventID")).isEqualTo("1");
        assertThat(sysmon.field("Image")).isEqualTo("C:\\Windows\\cmd.exe");
        assertThat(sysmon.field("ParentUser")).isNull();
        assertThat(sysmon.field("Correlation_ActivityID")).isNull();
        assertThat(sysmon.time()).isEqualTo(Instant.parse("2026-04-20T10:00:35.646624Z"));
        assertThat(sysmon.source().line()).isEqualTo(1);

        Record cmdlet = records.get(1);
        assertThat(cmdlet.field("EventID")).isEqualTo("1");
        assertThat(cmdlet.field("EventID_Qualifiers")).isEqualTo("16384");
        assertThat(cmdlet.values("Data")).containsExactly("Set-OabVirtualDirectory", "-ExternalUrl 'http://x'");
        assertThat(cmdlet.field("Binary")).isEqualTo("00FF");
        assertThat(cmdlet.source().line()).isEqualTo(16);
    }

    @Test
    void flatLinesKeepTheirKeysAndNestedObjectsAreDotted() throws IOException {
        List<Record> records = read("""
                {"cs-method": "POST", "sc-status": 200, "@timestamp": "2021-03-02T04:05:06Z", "tags": ["a", "b"]}
                {"winlog": {"channel": "Security", "event_id": 4624}}
                """);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).field("sc-status")).isEqualTo("200");
        assertThat(records.get(0).values("tags")).containsExactly("a", "b");
        assertThat(records.get(0).time()).isEqualTo(Instant.parse("2021-03-02T04:05:06Z"));
        assertThat(records.get(1).field("winlog.event_id")).isEqualTo("4624");
        assertThat(records.get(1).source().line()).isEqualTo(2);
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLineAndEndsTheFile() throws IOException {
        List<Record> records = read("{\"a\": 1}\n{\"b\": }\n{\"c\": 3}\n");
        assertThat(records).hasSize(1);
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.where().line()).isEqualTo(2);
            assertThat(d.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void aValueThatIsNoObjectIsSkippedWithAWarning() throws IOException {
        List<Record> records = read("[1, 2]\n{\"a\": 1}\n");
        assertThat(records).hasSize(1);
        assertThat(problems).singleElement().satisfies(d -> assertThat(d.isError()).isFalse());
    }

    @Test
    void theRegistryPicksJsonByNameOrByItsFirstByte() {
        assertThat(LogReaders.forFile("a/events.json", new byte[0])).get().extracting(r -> r.format()).isEqualTo("json");
        assertThat(LogReaders.forFile("a/events.txt", "  {\"a\":1}".getBytes(StandardCharsets.UTF_8))).isPresent();
        assertThat(LogReaders.forFile("a/u_ex210302.log", "#Software: IIS".getBytes(StandardCharsets.UTF_8))
                .filter(r -> r.format().equals("json"))).isEmpty();
    }
}
