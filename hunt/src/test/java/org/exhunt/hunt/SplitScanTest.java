package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.core.testing.JavaSerialization.shipped;
import static org.exhunt.testkit.image.LogKind.ECP_SERVER;
import static org.exhunt.testkit.image.LogKind.EWS;
import static org.exhunt.testkit.image.LogKind.HTTPPROXY;
import static org.exhunt.testkit.image.LogKind.IIS;
import static org.exhunt.testkit.image.LogKind.MESSAGE_TRACKING;
import static org.exhunt.testkit.image.LogKind.SECURITY;
import static org.exhunt.testkit.image.LogKind.SYSMON;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.MailSent;
import org.exhunt.core.facts.MailboxAccess;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.Sources;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.TimeWindow;
import org.exhunt.testkit.image.Artifacts;
import org.exhunt.testkit.image.Attacks;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.DroppedFile;
import org.exhunt.testkit.image.Expect;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.RandomScenarios;
import org.exhunt.testkit.image.Scenario;
import org.exhunt.testkit.image.Touched;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server's logs read in parts, each part shipped as a distributed run ships it (Java serialisation), and added to
 * the scan of the rest, give the result of the scan that reads every log itself: verdicts, findings, facts (the
 * impact among them: what the attackers touched, which the logs read elsewhere show) and the response steps, and the
 * problems met (these in no fixed order: a scan on several threads has none either).
 */
class SplitScanTest {

    private static Hunt hunt;

    @TempDir
    Path tmp;

    @BeforeAll
    static void rules() {
        // one thread: the order of equal-time matches fed to Sigma correlations is the order the logs are read in
        hunt = Hunt.with(RulePack.bundled(), new HuntOptions(null, List.of(), TimeWindow.ALL, Allowlist.NONE, 1, null,
                ScanProgress.SILENT));
    }

    static List<String> examples() throws IOException {
        return ExampleImages.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyLogFileReadApartGivesTheWholeScan(String example) throws Exception {
        assertSplitEqualsWhole(example, ExampleImages.image(example), 1);
    }

    @Test
    void partsOfSeveralLogsGiveTheWholeScanOnImagesNoTestHasSeen() throws Exception {
        BuildTable table = BuildTable.read(ExampleImages.buildTable());
        long seed = System.nanoTime();
        System.out.println("SplitScanTest: seed " + seed);
        for (int i = 0; i < 4; i++) {
            Scenario s = RandomScenarios.draw(seed + i, table);
            Path image = tmp.resolve("image-" + i);
            ImageBuilder.write(s, image);
            assertSplitEqualsWhole(s.name() + " (seed " + (seed + i) + ")", image, 3);
        }
    }

    static List<String> examplesWithImpact() {
        return List.of("proxylogon-victim", "proxyshell-victim", "proxynotshell-victim");
    }

    /** What the attackers touched, which the logs read elsewhere show, travels with the parts, added in any order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesWithImpact")
    void theImpactTravelsWithThePartsAddedInAnyOrder(String example) throws Exception {
        assertImpactTravels(example, ExampleImages.image(example));
    }

    @Test
    void mailboxesReadThroughEwsAndAccountsExposedByAnLsassDumpTravelWithTheParts() throws Exception {
        Path image = tmp.resolve("ews-reads-lsass-dump");
        ImageBuilder.write(ewsReadsAndLsassDump(), image);
        Impact impact = assertImpactTravels("ews-reads-lsass-dump", image);

        assertThat(impact.reads()).extracting(MailboxAccess::mailbox)
                .containsExactly("ceo@contoso.com", "cfo@contoso.com", "hr@contoso.com");
        // the administrator as its earliest logon writes it, whichever part holds it
        assertThat(impact.credentials()).filteredOn(c -> c.how().equals("logged-on-before-dump"))
                .extracting(CredentialExposure::account).containsExactly("CONTOSO\\Administrator", "CONTOSO\\svc-backup");
        assertThat(impact.sent()).extracting(MailSent::sender).containsOnly("ceo@contoso.com", "cfo@contoso.com");
    }

    /** The orders parts are added in: as the scan starts the files, the other way round, shuffled. */
    private enum Order {
        AS_STARTED(parts -> parts),
        REVERSED(parts -> {
            List<LogsRead> out = new ArrayList<>(parts);
            Collections.reverse(out);
            return out;
        }),
        SHUFFLED(parts -> {
            List<LogsRead> out = new ArrayList<>(parts);
            Collections.shuffle(out, new Random(parts.size()));
            return out;
        });

        final UnaryOperator<List<LogsRead>> arrange;

        Order(UnaryOperator<List<LogsRead>> arrange) {
            this.arrange = arrange;
        }
    }

    /**
     * The whole result of the image's logs read in two parts, and one part per file, each added in every {@link Order},
     * is the single scan's; and that one has an impact. Returns it.
     */
    private static Impact assertImpactTravels(String what, Path image) throws Exception {
        ServerResult whole;
        List<LogFile> logs;
        try (EvidenceSource source = Sources.open(image)) {
            whole = hunt.scan("ex01", List.of(source));
            logs = hunt.logFiles("ex01", List.of(source));
        }
        Impact impact = whole.facts().scan().impact();
        assertThat(impact.exports().size() + impact.reads().size() + impact.credentials().size() + impact.sent().size()
                + impact.accounts().size()).as("%s: the single scan's impact", what).isPositive();
        assertThat(logs).as("%s: logs to split", what).hasSizeGreaterThan(2);
        for (Order order : Order.values()) {
            assertSplitEqualsWhole(what + ", 2 parts " + order, image, (logs.size() + 1) / 2, order.arrange);
            assertSplitEqualsWhole(what + ", a part per file " + order, image, 1, order.arrange);
        }
        return impact;
    }

    /**
     * ProxyLogon over three days of logs: accounts logged on (one written in two cases) before LSASS was dumped through
     * a web shell, mailboxes read through the SSRF to EWS on two days, mail sent out from two of them.
     */
    private static Scenario ewsReadsAndLsassDump() {
        String ip = "167.99.168.251";
        String shell = "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\supp0rt.aspx";
        Instant t = Instant.parse("2021-03-03T05:52:10.118Z");
        String cmd = "cmd /c rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 652 C:\\windows\\temp\\m.dmp full";
        return Scenario.named("ews-reads-lsass-dump").seed(20210304)
                .title("ProxyLogon over three days: mailboxes read through EWS, LSASS dumped after logons")
                .build("15.1.2176.2")
                .installed(Instant.parse("2021-01-12T19:40:00Z"))
                .logs(Instant.parse("2021-03-02T00:00:00Z"), Duration.ofDays(3), IIS, HTTPPROXY, ECP_SERVER, SECURITY, SYSMON,
                        EWS, MESSAGE_TRACKING)
                .requestsPerHour(6)
                .step(Attacks.logon(Instant.parse("2021-03-02T08:12:40.118Z"), "Administrator", 10, "10.1.2.10", 0x3a1f07, true))
                .step(Attacks.logon(Instant.parse("2021-03-03T01:30:05.533Z"), "svc-backup", 5, "-", 0x3b0051, false))
                .step(Attacks.logon(Instant.parse("2021-03-03T04:02:11.004Z"), "administrator", 2, "-", 0x3b0a17, true))
                .step(Attacks.proxyLogonProbe(t, ip, "y.js"))
                .step(Attacks.proxyLogonForgedRequest(t.plusMillis(1284), ip, "y.js", "mapi/emsmdb?", 200))
                .step(Attacks.setOabExternalUrl(t.plusMillis(6532), ip, "y.js", "mu9gB0"))
                .step(Attacks.resetOabVirtualDirectory(t.plusMillis(9787), ip, "y.js", shell))
                .steps(Attacks.shellRequests(ip, "/aspnet_client/system_web/supp0rt.aspx", "antSword/v2.1", Rows.PROXYLOGON,
                        Instant.parse("2021-03-03T06:03:47Z"), Instant.parse("2021-03-03T06:11:30Z")))
                .step(Attacks.process(Instant.parse("2021-03-03T06:11:30.731Z"), "C:\\Windows\\System32\\rundll32.exe",
                        "Windows host process (Rundll32)", "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 652"
                                + " C:\\windows\\temp\\m.dmp full", "C:\\Windows\\System32\\cmd.exe", cmd, 7448, 7312, true,
                        Expect.postExploitation(null, "LSASS memory dumped through comsvcs.dll's MiniDump"))
                        .touching(new Touched.LsassDumped()))
                .step(Attacks.proxyLogonEwsRead(Instant.parse("2021-03-03T06:20:02.315Z"), ip, "y.js", "ceo@contoso.com", "FindItem"))
                .step(Attacks.proxyLogonEwsRead(Instant.parse("2021-03-03T06:20:04.871Z"), ip, "y.js", "ceo@contoso.com", "GetItem"))
                .step(Attacks.mailSent(Instant.parse("2021-03-03T06:31:22.640Z"), "ceo@contoso.com", "drop@mailbox.example",
                        "FW: Q1 board pack"))
                .step(Attacks.proxyLogonEwsRead(Instant.parse("2021-03-04T02:10:40.502Z"), ip, "y.js", "cfo@contoso.com", "FindItem"))
                .step(Attacks.proxyLogonEwsRead(Instant.parse("2021-03-04T02:10:43.077Z"), ip, "y.js", "cfo@contoso.com",
                        "GetAttachment"))
                .step(Attacks.proxyLogonEwsRead(Instant.parse("2021-03-04T14:44:01.990Z"), ip, "y.js", "hr@contoso.com", "GetItem"))
                .step(Attacks.mailSent(Instant.parse("2021-03-04T15:02:09.311Z"), "cfo@contoso.com", "drop@mailbox.example",
                        "FW: payroll"))
                .file(new DroppedFile("inetpub/wwwroot/aspnet_client/system_web/supp0rt.aspx",
                        Artifacts.oabVirtualDirectoryShell(Attacks.HOST, "15.1.2176.2", "mu9gB0"),
                        Expect.postExploitation(Rows.PROXYLOGON, "a Chopper inside OAB virtual-directory settings"))
                        .writtenAt(t.plusMillis(10_427)))
                .file(new DroppedFile("Windows/Temp/m.dmp", Artifacts.minidump(652),
                        Expect.postExploitation(null, "an LSASS memory dump in %WINDIR%\\temp"))
                        .writtenAt(Instant.parse("2021-03-03T06:11:33Z")))
                .build();
    }

    /** Splits the server's logs into parts of {@code perPart} files, in the order the scan starts them. */
    private static void assertSplitEqualsWhole(String what, Path image, int perPart) throws Exception {
        assertSplitEqualsWhole(what, image, perPart, parts -> parts);
    }

    /**
     * Splits the server's logs into parts of {@code perPart} files, in the order the scan starts them, and adds the
     * parts in the order {@code arrange} gives.
     */
    private static void assertSplitEqualsWhole(String what, Path image, int perPart, UnaryOperator<List<LogsRead>> arrange)
            throws Exception {
        ServerResult whole;
        try (EvidenceSource source = Sources.open(image)) {
            whole = hunt.scan("ex01", List.of(source));
        }
        List<LogFile> logs;
        List<LogsRead> parts = new ArrayList<>();
        try (EvidenceSource source = Sources.open(image)) {
            logs = hunt.logFiles("ex01", List.of(source));
        }
        for (int i = 0; i < logs.size(); i += perPart) {
            List<String> files = logs.subList(i, Math.min(logs.size(), i + perPart)).stream().map(LogFile::file).toList();
            try (EvidenceSource source = Sources.open(image)) {
                parts.add(shipped(hunt.readLogs("ex01", List.of(source), files)));
            }
        }
        Optional<ServerResult> split;
        try (EvidenceSource source = Sources.open(image)) {
            split = hunt.scan("ex01", List.of(source), arrange.apply(parts));
        }
        assertThat(split).as("%s: the parts add up exactly", what).isPresent();
        ServerResult r = split.get();
        assertThat(r.verdicts()).as("%s: verdicts", what).isEqualTo(whole.verdicts());
        assertThat(r.findings()).as("%s: findings", what).isEqualTo(whole.findings());
        assertThat(r.facts()).as("%s: facts", what).isEqualTo(whole.facts());
        assertThat(r.inputs()).isEqualTo(whole.inputs());
        assertThat(r.diagnostics()).as("%s: problems", what).containsExactlyInAnyOrderElementsOf(whole.diagnostics());
        if (!logs.isEmpty()) assertThat(r.facts().scan().logs()).as("%s: coverage of the logs read apart", what).isNotEmpty();
        assertThat(shipped(whole)).as("%s: the whole result travels unchanged", what).isEqualTo(whole);
    }
}
