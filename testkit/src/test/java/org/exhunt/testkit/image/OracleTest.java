package org.exhunt.testkit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.core.Rows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The oracle's verdicts on small scenarios, each line written by hand from ARCHITECTURE.md's rules: "row exposure
 * compromise" for the rows a case is about.
 */
class OracleTest {

    private static BuildTable table;
    private static final String CU19 = "15.1.2176.2";          // 2016 CU19, before the March 2021 SU
    private static final String CU19_MAR21 = "15.1.2176.9";    // ProxyLogon fixed, ProxyShell not
    private static final String CU19_MAY21 = "15.1.2176.14";   // ProxyShell fixed
    private static final String CU23_AUG26 = "15.1.2507.72";   // everything fixed

    @BeforeAll
    static void readTable() throws IOException {
        table = BuildTable.read(Path.of(System.getProperty("exhunt.root", ".."), "rules", "kb", "exchange-builds.csv"));
    }

    @Test
    void withoutLogsNothingCanBeToldButTheExposure() {
        Scenario s = Scenario.named("t").title("t").build(CU19).build();
        assertThat(rows(s, Rows.PROXYLOGON, Rows.CVE_2020_0688)).isEqualTo(
                "ProxyLogon VULNERABLE CANNOT_TELL | CVE-2020-0688 PATCHED CANNOT_TELL");
        assertThat(Oracle.expect(s, table).exitCode()).isEqualTo(4);
    }

    @Test
    void logsThatEndBeforeAChainWasExploitedCannotClearIt() {
        Scenario s = Scenario.named("t").title("t").build(CU19)
                .logs(Instant.parse("2021-03-02T00:00:00Z"), Duration.ofDays(2), LogKind.IIS, LogKind.HTTPPROXY).build();
        assertThat(rows(s, Rows.PROXYLOGON, Rows.PROXYSHELL)).isEqualTo(
                "ProxyLogon VULNERABLE CANNOT_TELL | ProxyShell VULNERABLE CANNOT_TELL");
    }

    @Test
    void logsThatStartLateClearAChainOnlyWhenThePatchHistoryLeavesItNoWindowBeforeThem() {
        Instant from = Instant.parse("2021-03-16T00:00:00Z");
        Scenario patchedDuring = Scenario.named("t").title("t").build(CU19_MAR21)
                .ranEarlier(CU19, Instant.parse("2021-03-19T00:00:00Z"))
                .logs(from, Duration.ofDays(7), LogKind.IIS, LogKind.HTTPPROXY).build();
        // the logs show a fixed build from their start, but nothing dates its install: exposed from the first
        // exploitation in the wild until the logs start, which no log covers (the window rule, ARCHITECTURE.md)
        Scenario patchedBefore = Scenario.named("t").title("t").build(CU19_MAR21)
                .logs(from, Duration.ofDays(7), LogKind.IIS, LogKind.HTTPPROXY).build();
        Scenario installedFixed = Scenario.named("t").title("t").build(CU19_MAR21)
                .setupInstall(from.minus(Duration.ofDays(1)), CU19_MAR21)
                .logs(from, Duration.ofDays(7), LogKind.IIS, LogKind.HTTPPROXY).build();
        Scenario buildNotShown = Scenario.named("t").title("t").build(CU19_MAR21)
                .logs(from, Duration.ofDays(7), LogKind.IIS).build();
        assertThat(rows(patchedDuring, Rows.PROXYLOGON)).isEqualTo("ProxyLogon PATCHED CANNOT_TELL");
        assertThat(rows(patchedBefore, Rows.PROXYLOGON)).isEqualTo("ProxyLogon PATCHED CANNOT_TELL");
        assertThat(rows(installedFixed, Rows.PROXYLOGON)).as("installed fresh on a fixed build: never exposed")
                .isEqualTo("ProxyLogon PATCHED CLEAN");
        assertThat(rows(buildNotShown, Rows.PROXYLOGON)).isEqualTo("ProxyLogon PATCHED CANNOT_TELL");
    }

    @Test
    void logsKeptForDifferentSpansAreReadFromTheEarliestThatCanShowTheChain() {
        Instant captured = Instant.parse("2021-08-24T00:00:00Z");
        Scenario s = Scenario.named("t").title("t").build(CU19_MAR21)
                .logs(Instant.parse("2021-02-22T00:00:00Z"), captured, LogKind.IIS)
                .logs(captured.minus(Duration.ofDays(30)), captured, LogKind.HTTPPROXY).build();
        // IIS reaches back before ProxyShell's first exploitation; both start after ProxyLogon's and CVE-2020-0688's,
        // and the build is shown only by HttpProxy, which starts later than IIS: not known at the logs' start
        assertThat(rows(s, Rows.PROXYSHELL, Rows.PROXYLOGON, Rows.CVE_2020_0688)).isEqualTo(
                "ProxyShell VULNERABLE CLEAN | ProxyLogon PATCHED CANNOT_TELL | CVE-2020-0688 PATCHED CANNOT_TELL");
        // the fixed build shown from the earliest log's start still leaves ProxyLogon's window before it uncovered
        Scenario shownFromTheStart = Scenario.named("t").title("t").build(CU19_MAR21)
                .logs(Instant.parse("2021-03-16T00:00:00Z"), captured, LogKind.IIS, LogKind.HTTPPROXY)
                .logs(captured.minus(Duration.ofDays(30)), captured, LogKind.ECP_SERVER).build();
        assertThat(rows(shownFromTheStart, Rows.PROXYLOGON)).isEqualTo("ProxyLogon PATCHED CANNOT_TELL");
    }

    /**
     * Logs that end before a chain was first exploited, on a server whose build installed now fixes it: that build is
     * the one seen running at the end of the evidence (docs/ARCHITECTURE.md), so the chain's window is empty; on a
     * build that does not fix it, the time after the evidence stays open.
     */
    @Test
    void evidenceEndingBeforeFirstExploitationOnAFixingBuildClearsTheChain() {
        Instant from = Instant.parse("2021-06-01T00:00:00Z");
        Scenario fixed = Scenario.named("t").title("t").build(CU19_MAY21)
                .logs(from, Duration.ofDays(4), LogKind.IIS).build();
        Scenario notFixed = Scenario.named("t").title("t").build(CU19_MAR21)
                .logs(from, Duration.ofDays(4), LogKind.IIS).build();
        assertThat(rows(fixed, Rows.PROXYSHELL)).isEqualTo("ProxyShell PATCHED CLEAN");
        assertThat(rows(notFixed, Rows.PROXYSHELL)).isEqualTo("ProxyShell VULNERABLE CANNOT_TELL");
    }

    @Test
    void logsReachingBackBeforeFirstExploitationClearTheChain() {
        Scenario s = Scenario.named("t").title("t").build(CU19)
                .logs(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofDays(10), LogKind.IIS).build();
        assertThat(rows(s, Rows.PROXYLOGON)).isEqualTo("ProxyLogon VULNERABLE CLEAN");
    }

    @Test
    void attemptsAloneAreAttemptedAndASuccessOrALinkedFileIsCompromised() {
        Instant t = Instant.parse("2023-03-21T02:11:05Z");
        Scenario.Builder base = Scenario.named("t").title("t").build(CU23_AUG26)
                .logs(Instant.parse("2023-03-20T00:00:00Z"), Duration.ofDays(2), LogKind.IIS, LogKind.HTTPPROXY);
        Scenario probed = base.step(Attacks.proxyShellRequest(t, "198.51.100.7", "GET", "test.com", "owa/", 400)).build();
        assertThat(rows(probed, Rows.PROXYSHELL)).isEqualTo("ProxyShell PATCHED ATTEMPTED");
        assertThat(Oracle.expect(probed, table).exitCode()).isEqualTo(1);

        Scenario shell = Scenario.named("t").title("t").build(CU19).file(new DroppedFile("inetpub/wwwroot/aspnet_client/x.aspx",
                Artifacts.pstShell(1, "p"), Expect.postExploitation(Rows.PROXYSHELL, "a PST shell"))).build();
        assertThat(rows(shell, Rows.PROXYSHELL, Rows.POST_EXPLOITATION)).isEqualTo(
                "ProxyShell VULNERABLE COMPROMISED | Post-exploitation NOT_ASSESSED CLEAN");
    }

    @Test
    void aStepOutsideTheLogsLeavesNoTraceToFind() {
        Scenario s = Scenario.named("t").title("t").build(CU19)
                .logs(Instant.parse("2021-03-02T00:00:00Z"), Duration.ofDays(1), LogKind.IIS)
                .step(Attacks.proxyLogonProbe(Instant.parse("2021-03-05T00:00:00Z"), "192.0.2.9", "y.js")).build();
        assertThat(rows(s, Rows.PROXYLOGON)).isEqualTo("ProxyLogon VULNERABLE CANNOT_TELL");
        assertThat(Oracle.expect(s, table).findings()).isEmpty();
    }

    @Test
    void anUnlinkedShellMakesPostExploitationCompromised() {
        Scenario s = Scenario.named("t").title("t").build(CU23_AUG26).file(new DroppedFile(
                "inetpub/wwwroot/aspnet_client/x.aspx", Artifacts.chopper("p"), Expect.postExploitation(null, "a Chopper"))).build();
        assertThat(rows(s, Rows.POST_EXPLOITATION)).isEqualTo("Post-exploitation NOT_ASSESSED COMPROMISED");
    }

    @Test
    void exposureFollowsTheTableWithEomtAndTheKnownDisagreementsLeftOpen() {
        BuildTable.Build cu19 = table.get(CU19);
        assertThat(Oracle.exposure(Rows.PROXYLOGON, cu19, java.util.Set.of(Scenario.Mitigation.EOMT))).isEqualTo("MITIGATED");
        assertThat(Oracle.exposure(Rows.PROXYNOTSHELL, cu19, java.util.Set.of(Scenario.Mitigation.EOMT_V2)))
                .as("EOMTv2 does not stop OWASSRF").isEqualTo("VULNERABLE");
        assertThat(Oracle.exposure(Rows.CVE_2021_42321, table.get("15.0.1497.2"), java.util.Set.of()))
                .as("Exchange 2013 CU23 and CVE-2021-42321").isEqualTo("NOT_AFFECTED");
        assertThat(Oracle.exposure(Rows.CVE_2021_33766, table.get("15.1.2176.12"), java.util.Set.of()))
                .as("CU19 Apr21SU: Microsoft says fixed, the table's column says not").isNull();
        assertThat(Oracle.exposure(Rows.CVE_2021_33766, table.get(CU19_MAR21), java.util.Set.of())).isEqualTo("VULNERABLE");
    }

    private static String rows(Scenario s, String... names) {
        List<ExpectedScan.Row> rows = Oracle.expect(s, table).verdicts();
        return List.of(names).stream().map(n -> rows.stream().filter(r -> r.row().equals(n)).findFirst().orElseThrow())
                .map(r -> r.row() + " " + r.exposure() + " " + String.join("/", r.compromise()))
                .collect(Collectors.joining(" | "));
    }
}
