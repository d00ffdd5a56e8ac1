package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxDamage;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigmaCommandTest {

    @TempDir
    Path dir;

    private static final String RULE = SigmaSamples.WHOAMI_RULE;

    private static final String EVENT = SigmaSamples.SYSMON_EVENT;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void printsOneLinePerFiringAndExitsOneWhenARuleFired() throws IOException {
        Path rules = write("rules/whoami.yml", RULE);
        Path events = write("logs/events.json", EVENT.formatted("C:\\\\Windows\\\\System32\\\\whoami.exe") + EVENT.formatted("C:\\\\x\\\\cmd.exe"));
        CliRun run = CliRun.of("sigma", "-r", rules.getParent().toString(), events.getParent().toString());
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).isEqualTo(events + ":1  high  11111111-2222-3333-4444-555555555555  Whoami Execution\n");
        assertThat(run.err()).contains("1 rules loaded", "2 records in 1 files; 1 firings");
    }

    @Test
    void severalRuleFoldersAndFilesAllRun() throws IOException {
        Path whoami = write("pack/whoami.yml", RULE);
        Path cmd = write("mine/cmd.yml", RULE.replace("\\whoami.exe", "\\cmd.exe").replace("Whoami Execution", "Cmd Execution")
                .replace("11111111-2222", "99999999-2222"));
        Path events = write("events.json", EVENT.formatted("C:\\\\Windows\\\\System32\\\\whoami.exe") + EVENT.formatted("C:\\\\x\\\\cmd.exe"));
        CliRun run = CliRun.of("sigma", "-r", whoami.getParent().toString(), "-r", cmd.toString(), events.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).isEqualTo(events + ":1  high  11111111-2222-3333-4444-555555555555  Whoami Execution\n"
                + events + ":3  high  99999999-2222-3333-4444-555555555555  Cmd Execution\n");
        assertThat(run.err()).contains("2 rules loaded");
    }

    @Test
    void exitsZeroWhenNothingFiredAndEverythingWasRead() throws IOException {
        Path rules = write("whoami.yml", RULE);
        Path events = write("events.json", EVENT.formatted("C:\\\\x\\\\cmd.exe"));
        CliRun run = CliRun.of("sigma", "-r", rules.toString(), events.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aRuleThatDoesNotLoadOrAnUnreadableInputMakesItIncomplete() throws IOException {
        Path rules = write("bad.yml", RULE.replace("endswith", "endswiht"));
        Path events = write("events.json", EVENT.formatted("x"));
        Path binary = write("blob.bin", "\u0000\u0001binary");
        CliRun run = CliRun.of("sigma", "-r", rules.toString(), events.toString(), binary.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.err()).contains(rules + ":7: 'Image|endswiht': unknown modifier 'endswiht' [sigma.modifier]")
                .contains(binary + ": not a log format exhunt reads; not read [input.format]");
    }

    @Test
    void aMissingInputIsAUsageError() {
        CliRun run = CliRun.of("sigma", "-r", dir.toString(), dir.resolve("nope.json").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such file or folder");
    }

    @Test
    void rulesCheckCountsLoadedInactiveAndNotLoaded() throws IOException {
        write("r/ok.yml", RULE);
        write("r/linux.yml", RULE.replace("product: windows", "product: linux").replace("1111", "2222"));
        write("r/placeholder.yml", RULE.replace("Image|endswith: '\\whoami.exe'", "User|expand: '%Admins%'").replace("1111", "3333"));
        CliRun ok = CliRun.of("rules", "check", dir.resolve("r").toString());
        assertThat(ok.code()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("loaded: 3 rules", "running on logs exhunt reads: 1", "no log-source mapping (never run): 1",
                "product:linux category:process_creation", "inactive (placeholders without values): 1",
                "no values for placeholder %Admins%", "not loaded: 0");

        write("r/broken.yml", "title: broken\nlogsource: {product: windows}\ndetection:\n    sel: {A: x}\n    condition: sel or nothing\n");
        CliRun bad = CliRun.of("rules", "check", dir.resolve("r").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(bad.out()).contains("not loaded: 1", "broken.yml:5: condition names 'nothing', which the detection does not define [sigma.condition]");
    }

    private static final String TIMED_EVENT = """
            {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 1,
              "Channel": "Microsoft-Windows-Sysmon/Operational", "TimeCreated": {"#attributes": {"SystemTime": "%s"}}},
              "EventData": {"Image": "C:\\\\Windows\\\\System32\\\\whoami.exe", "User": "%s"}}}
            """;

    @Test
    void filtersTuneOutAndCorrelationsLinkEventsAcrossFilesMergedByTime() throws IOException {
        write("rules/whoami.yml", RULE + """
                ---
                title: Whoami Twice
                id: 99999999-0000-0000-0000-000000000000
                level: critical
                correlation:
                    type: event_count
                    rules: [11111111-2222-3333-4444-555555555555]
                    group-by: [User]
                    timespan: 10m
                    condition: {gte: 2}
                generate: true
                """);
        write("filters/admins.yml", """
                title: Admins run whoami
                logsource: {product: windows, category: process_creation}
                filter:
                    rules: [11111111-2222-3333-4444-555555555555]
                    sel:
                        User|startswith: 'adm_'
                    condition: sel
                """);
        Path a = write("logs/a.json", TIMED_EVENT.formatted("2021-03-02T04:00:00Z", "bob") + TIMED_EVENT.formatted("2021-03-02T04:09:00Z", "adm_x"));
        Path b = write("logs/b.json", TIMED_EVENT.formatted("2021-03-02T04:05:00Z", "bob"));
        CliRun run = CliRun.of("sigma", "-r", dir.resolve("rules").toString(), "--filters", dir.resolve("filters").toString(),
                dir.resolve("logs").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out().lines()).containsExactly(
                a + ":1  high  11111111-2222-3333-4444-555555555555  Whoami Execution",
                b + ":1  high  11111111-2222-3333-4444-555555555555  Whoami Execution",
                b + ":1  critical  99999999-0000-0000-0000-000000000000  Whoami Twice  [User=bob, count=2]");
        assertThat(run.err()).contains("applied to 1 rules");
    }

    private static final String W3WP = "C:\\Windows\\System32\\inetsrv\\w3wp.exe";

    /** Sysmon process starts: cmd.exe {@code before} times, then whoami.exe. */
    private static byte[] sysmonLog(int before) {
        Instant t = Instant.parse("2021-03-03T05:00:00Z");
        List<EvtxEvent> events = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            events.add(EventSamples.sysmonProcess(t.plusSeconds(i), "C:\\Windows\\System32\\cmd.exe", "cmd /c dir", W3WP, W3WP,
                    "NT AUTHORITY\\SYSTEM"));
        }
        events.add(EventSamples.sysmonProcess(t.plusSeconds(60), "C:\\Windows\\System32\\whoami.exe", "whoami /all", W3WP,
                W3WP, "NT AUTHORITY\\SYSTEM"));
        return EvtxWriter.toBytes(events);
    }

    @Test
    void firesOnAWindowsEventLog() throws IOException {
        Path rules = write("whoami.yml", RULE);
        Path log = Files.write(dir.resolve("Microsoft-Windows-Sysmon%4Operational.evtx"), sysmonLog(1));
        CliRun run = CliRun.of("sigma", "-r", rules.toString(), log.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        int whoami = EvtxDamage.recordOffsets(sysmonLog(1), 0).get(1);
        assertThat(run.out()).isEqualTo(log + "@" + whoami + "#2  high  11111111-2222-3333-4444-555555555555  Whoami Execution\n");
        assertThat(run.err()).contains("2 records in 1 files; 1 firings");
    }

    @Test
    void recoverSlackLetsRulesSeeTheEventsInChunkSlack() throws IOException {
        Path rules = write("whoami.yml", RULE);
        byte[] bytes = sysmonLog(3);
        int whoami = EvtxDamage.recordOffsets(bytes, 0).get(3);
        EvtxDamage.hideInSlack(bytes, 0, 1);
        Path log = Files.write(dir.resolve("Microsoft-Windows-Sysmon%4Operational.evtx"), bytes);

        CliRun plain = CliRun.of("sigma", "-r", rules.toString(), log.toString());
        assertThat(plain.code()).isEqualTo(ExitCodes.OK);
        assertThat(plain.out()).isEmpty();
        assertThat(plain.err()).contains("[evtx.chunk.slack]").contains("3 records in 1 files; 0 firings");

        CliRun recovered = CliRun.of("sigma", "--recover-slack", "-r", rules.toString(), log.toString());
        assertThat(recovered.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(recovered.out()).isEqualTo(log + "@" + whoami + "#4  high  11111111-2222-3333-4444-555555555555  Whoami Execution\n");
        assertThat(recovered.err()).contains("[evtx.chunk.recovered]").contains("4 records in 1 files; 1 firings");
    }

    /**
     * SigmaHQ's Defender rules write EventData names without the spaces Windows renders (ThreatName for
     * {@code Threat Name}); SigmaHQ's RedSun rule, unchanged from the corpus, fires on the event its regression case
     * holds and not on an ordinary detection of the same shape.
     */
    @Test
    void aDefenderRuleWithoutSpacesInItsFieldNamesFiresOnADefenderEvent() throws IOException {
        Path rule = corpusRule("rules-emerging-threats/2026/Exploits/RedSun/win_defender_exploit_redsun_tiering_engine_detected_as_eicar.yml");
        Instant t = Instant.parse("2026-04-17T04:14:33.6534142Z");
        String stagedPath = "C:\\Users\\xodih\\AppData\\Local\\Temp\\RS-{C6E9CA10-8D55-41A1-AD3D-F14D118B68C7}\\TieringEngineService.exe";
        Path log = Files.write(dir.resolve("Microsoft-Windows-Windows Defender%4Operational.evtx"), EvtxWriter.toBytes(List.of(
                EventSamples.defenderRemediationFailed(t, "Tool:Win32/EICAR_Test_File", "C:\\Users\\xodih\\Downloads\\RedSun.exe", stagedPath),
                EventSamples.defenderRemediationFailed(t.plusSeconds(5), "Trojan:Win32/Wacatac", "C:\\Windows\\explorer.exe",
                        "C:\\Users\\xodih\\Downloads\\invoice.exe"))));

        CliRun run = CliRun.of("sigma", "-r", rule.toString(), log.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).hasLineCount(1).contains("#1  critical  a7c3e5f2-8b1d-4e9a-b6c2-3d7f5e8a9b4c  RedSun - TieringEngineService.exe");
        assertThat(run.err()).contains("2 records in 1 files; 1 firings");
    }

    private static Path corpusRule(String path) {
        return org.exhunt.core.testing.TestEnvironment.corpus("sigma/sigmahq").resolve(path);
    }
}
