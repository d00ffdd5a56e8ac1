package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.logs.LogReader;
import org.exhunt.logs.LogReaders;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.json.JsonLogReader;
import org.exhunt.sigma.SigmaMatch;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
import org.exhunt.sigma.rule.SigmaRule;
import org.exhunt.sigma.yaml.YNode;
import org.exhunt.sigma.yaml.YamlTree;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * SigmaHQ's regression cases: each {@code info.yml} names a rule and the event file it must fire on, and how
 * often ({@code match_count}, 1 when not given). The events are SigmaHQ's JSON renderings of the EVTX files,
 * read with the JSON reader; the rules are the whole SigmaHQ set, routed with the project's mappings.
 */
class SigmaRegressionTest {

    private static SigmaRules rules;

    /** Sysmon event id -> the Sigma categories whose rules may fire on it (SigmaHQ's Sysmon log-source guide). */
    private static final Map<String, Set<String>> SYSMON_CATEGORIES = Map.ofEntries(
            Map.entry("1", Set.of("process_creation")), Map.entry("2", Set.of("file_change")),
            Map.entry("3", Set.of("network_connection")), Map.entry("5", Set.of("process_termination")),
            Map.entry("6", Set.of("driver_load")), Map.entry("7", Set.of("image_load")),
            Map.entry("8", Set.of("create_remote_thread")), Map.entry("9", Set.of("raw_access_thread")),
            Map.entry("10", Set.of("process_access")), Map.entry("11", Set.of("file_event")),
            Map.entry("12", Set.of("registry_event", "registry_add", "registry_delete")),
            Map.entry("13", Set.of("registry_event", "registry_set")),
            Map.entry("14", Set.of("registry_event", "registry_rename")), Map.entry("15", Set.of("create_stream_hash")),
            Map.entry("17", Set.of("pipe_created")), Map.entry("18", Set.of("pipe_created")),
            Map.entry("19", Set.of("wmi_event")), Map.entry("20", Set.of("wmi_event")), Map.entry("21", Set.of("wmi_event")),
            Map.entry("22", Set.of("dns_query")), Map.entry("23", Set.of("file_delete")), Map.entry("26", Set.of("file_delete")),
            Map.entry("25", Set.of("process_tampering")));

    /**
     * Cases where SigmaHQ's {@code match_count} (given or defaulted to 1) disagrees with its own events: more
     * events of the file satisfy the rule than it says. Each count was checked by hand against the events
     * (record ids listed) and the rule's detection.
     */
    private static final Map<String, Long> HAND_CHECKED = Map.of(
            // TargetFilename contains AppData/Roaming/AnyDesk/user.conf: records 14985, 14988, 14990
            "file_event_win_anydesk_artefact", 3L,
            // TargetFilename ends with procdump64.exe, procdump64a.exe, procdump.exe: records 26359, 26366, 26373
            "file_event_win_cred_dump_tools_dropped_files", 3L,
            // dtrace.exe with lkd(0) in the command line: records 33630917 and 33630948
            "proc_creation_win_dtrace_kernel_dump", 2L,
            // AutoShareServer and AutoShareWks set to DWORD (0x00000000): records 28656599 and 28656618
            "registry_set_disable_administrative_share", 2L);

    /** Windows services of the regression data -> their channel (SigmaHQ's Windows log-source guide). */
    private static final Map<String, String> SERVICE_CHANNELS = Map.of(
            "security", "Security",
            "system", "System",
            "application", "Application",
            "taskscheduler", "Microsoft-Windows-TaskScheduler/Operational",
            "wmi", "Microsoft-Windows-WMI-Activity/Operational",
            "sysmon", "Microsoft-Windows-Sysmon/Operational",
            "windefend", "Microsoft-Windows-Windows Defender/Operational");

    @BeforeAll
    static void loadSigmaHq() throws IOException {
        rules = SigmaSetup.load(List.of(TestEnvironment.corpus("sigma/sigmahq")), null);
        assertThat(rules.problems()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachCaseFiresItsRuleExactlyMatchCountTimes() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(c.dir.getFileName().toString(), () -> {
            if (c.skipReason != null) Assumptions.abort(c.skipReason);
            List<SigmaMatch> matches = scan(c.events);
            long fired = matches.stream().filter(m -> m.rule().id().equals(c.ruleId)).count();
            long expected = HAND_CHECKED.getOrDefault(c.dir.getFileName().toString(), c.matchCount);
            assertThat(fired).as("firings of %s on %s", c.ruleId, c.events).isEqualTo(expected);
        }));
    }

    @Test
    void noRuleFiresOnAnEventOutsideItsLogSource() throws IOException {
        List<String> wrong = new ArrayList<>();
        int firings = 0;
        for (Case c : cases().filter(c -> c.skipReason == null).toList()) {
            for (SigmaMatch m : scan(c.events)) {
                firings++;
                if (!fitsLogSource(m.rule(), m.record())) {
                    wrong.add(m.rule().id() + " (" + m.rule().logsource() + ") on " + m.record().source()
                            + " EventID " + m.record().field("EventID") + " " + m.record().field("Channel"));
                }
            }
        }
        assertThat(firings).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> theEvtxFilesFireTheSameRulesAsTheirJsonRenderings() throws IOException {
        return cases().filter(c -> c.skipReason == null).map(c -> DynamicTest.dynamicTest(c.dir.getFileName().toString(), () -> {
            Path evtx = Path.of(c.events.toString().replaceAll("\\.json$", ".evtx"));
            List<String> fromEvtx = scanEvtx(evtx).stream().map(m -> m.rule().id()).sorted().toList();
            List<String> fromJson = scan(c.events).stream().map(m -> m.rule().id()).sorted().toList();
            assertThat(fromEvtx).as(evtx.toString()).isEqualTo(fromJson);
        }));
    }

    /**
     * SigmaHQ's Defender case (RedSun, rule a7c3e5f2, match_count 1), whose event files the corpus lacks: the rule
     * is the corpus's, the event is the one the case holds (regression_data/rules-emerging-threats/2026/Exploits/
     * RedSun/win_defender_exploit_redsun_tiering_engine_detected_as_eicar, SigmaHQ/sigma 720996e), its EventData
     * names with spaces ({@code Threat Name}) where the rule says ThreatName, read both as SigmaHQ renders it in
     * JSON and as an EVTX file written by the test kit.
     */
    @Test
    void theDefenderCaseFiresItsRuleOnceFromJsonAndFromEvtx(@TempDir Path dir) throws IOException {
        String ruleId = "a7c3e5f2-8b1d-4e9a-b6c2-3d7f5e8a9b4c";
        String staged = "C:\\Users\\xodih\\AppData\\Local\\Temp\\RS-{C6E9CA10-8D55-41A1-AD3D-F14D118B68C7}\\TieringEngineService.exe";
        String process = "C:\\Users\\xodih\\Downloads\\RedSun.exe";
        Path json = Files.writeString(dir.resolve("defender.json"), """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Windows Defender",
                  "Guid": "11CD958A-C507-4EF3-B3F2-5FD9DFBD2C78"}}, "EventID": 1119, "Level": 2,
                  "TimeCreated": {"#attributes": {"SystemTime": "2026-04-17T04:14:33.653414Z"}}, "EventRecordID": 542,
                  "Channel": "Microsoft-Windows-Windows Defender/Operational", "Computer": "swachchhanda"},
                 "EventData": {"Product Name": "Microsoft Defender Antivirus", "Threat ID": "17463",
                  "Threat Name": "Tool:Win32/EICAR_Test_File", "Source ID": "3", "Source Name": "Real-Time Protection",
                  "Process Name": "%s", "Path": "file:_%s", "Action Name": "Quarantine", "Error Code": "0x80070020"}}}
                """.formatted(process.replace("\\", "\\\\"), staged.replace("\\", "\\\\")));
        Path evtx = Files.write(dir.resolve("defender.evtx"), EvtxWriter.toBytes(List.of(EventSamples.defenderRemediationFailed(
                Instant.parse("2026-04-17T04:14:33.6534142Z"), "Tool:Win32/EICAR_Test_File", process, staged))));

        for (List<SigmaMatch> matches : List.of(scan(json), scanEvtx(evtx))) {
            assertThat(matches.stream().filter(m -> m.rule().id().equals(ruleId))).hasSize(1);
            assertThat(matches).allSatisfy(m -> assertThat(fitsLogSource(m.rule(), m.record())).as(m.rule().id()).isTrue());
        }
    }

    private static List<SigmaMatch> scanEvtx(Path evtx) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(evtx)) {
            head = in.readNBytes(LogReaders.HEAD_BYTES);
        }
        LogReader reader = LogReaders.forFile(evtx.toString(), head).orElseThrow();
        assertThat(reader.format()).isEqualTo("evtx");
        List<Diagnostic> problems = new ArrayList<>();
        List<SigmaMatch> out = new ArrayList<>();
        SigmaScanner scanner = rules.scanner();
        try (InputStream in = Files.newInputStream(evtx); RecordStream records = reader.open(evtx.toString(), in, problems::add)) {
            while (records.hasNext()) scanner.scan(records.next(), out::add);
        }
        assertThat(problems.stream().filter(Diagnostic::isError)).as("problems reading " + evtx).isEmpty();
        return out;
    }

    @Test
    void thePrefilterHidesNoMatch() throws IOException {
        int firings = 0;
        for (Case c : cases().filter(c -> c.skipReason == null).toList()) {
            List<String> fast = scan(c.events, rules.scanner()).stream().map(SigmaRegressionTest::key).toList();
            List<String> all = scan(c.events, rules.exhaustiveScanner()).stream().map(SigmaRegressionTest::key).toList();
            assertThat(fast).as(c.events.toString()).isEqualTo(all);
            firings += all.size();
        }
        assertThat(firings).isGreaterThan(100);
    }

    private static String key(SigmaMatch m) {
        return m.record().source() + " " + m.rule().id();
    }

    /** An independent reading of Sigma's log sources for the events of the regression data. */
    private static boolean fitsLogSource(SigmaRule rule, Record event) {
        if (!"windows".equals(rule.logsource().product())) return false;
        String service = rule.logsource().service();
        String category = rule.logsource().category();
        if (category == null) return service == null || SERVICE_CHANNELS.getOrDefault(service, "").equals(event.field("Channel"));
        boolean sysmon = "Microsoft-Windows-Sysmon/Operational".equals(event.field("Channel"))
                && "Microsoft-Windows-Sysmon".equals(event.field("Provider_Name"));
        return sysmon && service == null
                && SYSMON_CATEGORIES.getOrDefault(event.field("EventID"), Set.of()).contains(category);
    }

    private static List<SigmaMatch> scan(Path events) throws IOException {
        return scan(events, rules.scanner());
    }

    private static List<SigmaMatch> scan(Path events, SigmaScanner scanner) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        List<SigmaMatch> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(events);
             RecordStream records = new JsonLogReader().open(events.toString(), in, problems::add)) {
            while (records.hasNext()) scanner.scan(records.next(), out::add);
        }
        assertThat(problems).as("problems reading " + events).isEmpty();
        return out;
    }

    private record Case(Path dir, String ruleId, long matchCount, Path events, String skipReason) {}

    private static Stream<Case> cases() throws IOException {
        Path root = TestEnvironment.corpus("sigma/regression/regression_data");
        List<Path> infos;
        try (Stream<Path> s = Files.walk(root)) {
            infos = s.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList();
        }
        List<Case> out = new ArrayList<>();
        for (Path info : infos) out.add(readCase(info));
        assertThat(out).hasSize(100);
        return out.stream();
    }

    private static Case readCase(Path info) throws IOException {
        try {
            YNode.YMap doc = (YNode.YMap) YamlTree.parseAll(info.toString(), Files.readString(info)).get(0);
            YNode.YMap rule = (YNode.YMap) ((YNode.YList) doc.get("rule_metadata")).items().get(0);
            String ruleId = ((YNode.YScalar) rule.get("id")).text();
            if (!(doc.get("regression_tests_info") instanceof YNode.YList tests)) {
                return new Case(info.getParent(), ruleId, 0, null, "no regression test in info.yml (only a commented-out raw Cisco CLI log, no event data)");
            }
            YNode.YMap test = (YNode.YMap) tests.items().get(0);
            String type = ((YNode.YScalar) test.get("type")).text();
            long count = test.get("match_count") instanceof YNode.YScalar s ? Long.parseLong(s.text()) : 1;
            if (!type.equals("evtx")) return new Case(info.getParent(), ruleId, count, null, "not an event log case: " + type);
            Path json;
            try (Stream<Path> s = Files.list(info.getParent())) {
                json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            }
            return new Case(info.getParent(), ruleId, count, json, null);
        } catch (org.exhunt.sigma.yaml.YamlProblem e) {
            throw new AssertionError(info + ": " + e.getMessage(), e);
        }
    }
}
