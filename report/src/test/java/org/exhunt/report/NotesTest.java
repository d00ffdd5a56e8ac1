package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.core.facts.ActiveCheckResult;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.Certificate;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.ExtendedProtection;
import org.exhunt.core.facts.Mitigations;
import org.exhunt.core.facts.ProbeFacts;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.core.facts.UpdatePath;
import org.exhunt.core.facts.UpdateStep;
import org.junit.jupiter.api.Test;

/** The words every format shows for a server's facts: one line per fact, in the order a person reads them. */
class NotesTest {

    private static final String INSTALL = SampleResults.INSTALL;
    private static final String APP_HOST = SampleResults.APP_HOST;

    @Test
    void aScansFactsInWordsOneKindAfterTheOther() {
        assertThat(Notes.of(SampleResults.scanFacts())).containsExactly(
                "Exchange install path: " + INSTALL + " (found)",
                "Build 15.1.2176.2: Exchange Server 2016 CU19, released 2020-12-15 (KB4588884); from the ExSetup.exe file"
                        + " version of " + INSTALL + "Bin\\ExSetup.exe",
                "Disagreement: the exchange-httpproxy logs from 2021-03-04T00:00:00Z to 2021-03-04T23:59:00Z says 15.1.2242.4"
                        + " (Exchange Server 2016 CU20, released 2021-03-16 (KB5000871))",
                "OWA version folders: 15.1.2106 (an earlier CU's, left behind by an update), 15.1.2176 (the build's CU)",
                "Exchange Server 2016: support ended 2025-10-14: later updates are for Extended Security Update customers only",
                "Update path: CU23 (15.1.2507.6, KB5011155, 2022-04-20), then CU23 Aug26SU (15.1.2507.72, KB5121576, 2026-08-11)",
                "Mitigation: EOMT rule 'X-BEResource Abort - inbound' (blocks CVE-2021-26855) at " + APP_HOST + ":19, on Default"
                        + " Web Site",
                "Found EOMT rule 'X-AnonResource-Backend Abort - inbound' (blocks CVE-2021-26855) at " + APP_HOST + ":7, not"
                        + " counted: the rule is disabled",
                "Found superseded rule 'ProxyNotShell first guidance' (blocks CVE-2022-41040) at " + APP_HOST + ":21: bypassed and"
                        + " replaced by EOMTv2's rule; not counted as a mitigation",
                "Extended Protection (CVE-2024-21410 depends on it): partly on (Require on 1 of 2 locations; not on Exchange Back"
                        + " End/EWS=None)",
                "31 files examined in the web-shell locations, 12 log files read",
                "indicators: 4 bundled lists (38 file, 15 address, 0 URL); with 1 --ioc file: 40 file, 16 address, 1 URL",
                "1 of your digest indicators give no file size: they were matched only against the files exhunt reads (the web"
                        + " folders, and elsewhere the files of a size another indicator gives)",
                "Sigma: 36 rules loaded (1 correlation), 2 for logs exhunt does not read",
                "Sigma rules on file records: 5210 files described, 31 with sha256 and head (their content was read for the"
                        + " file detectors)",
                "exchange-httpproxy logs: 90004 records in 52 files, 2021-02-20T00:00:00Z to 2021-03-04T23:59:00Z, builds"
                        + " 15.1.2176.2, 15.1.2242.4",
                "iis logs: 48211 records in 13 files, 2021-02-20T00:00:00Z to 2021-03-04T23:59:00Z",
                "Patch history: 2021-03-03T14:12:05Z MsiInstaller 1022: Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871) installed [C:\\Windows\\System32\\winevt\\Logs\\Application.evtx#4711]",
                "412 PE files on which rules reading PE fields were evaluated without them (pe module not implemented)",
                "rule exhunt.ioc.attacker-ips: 2999 more findings not kept (the 1000 earliest and the latest are)",
                "files in log folders in formats exhunt does not read: {.etl=2}",
                "3 files left out by --exclude [PerfLogs/**]",
                "log evidence limited to 2021-02-01T00:00:00Z to the end",
                "Archive C:\\ProgramData\\Veeam\\Backup\\Logs.zip (modified 2020-11-02T03:00:00Z) lies in Veeam Backup & Replication's own folder and was written outside every chain's exposure window: not a finding",
                "2 more archives in products' own ProgramData folders (not findings)",
                "allowlist 'path:C:\\inetpub\\**\\healthcheck.htm' suppressed 4 findings",
                "7 requests to script files not indexed (cap reached)",
                "timeline ProxyLogon: 6 findings, first 2021-03-03T02:14:10Z, last 2021-03-03T02:20:01Z, exploit from"
                        + " 203.0.113.7, 2001:db8::5",
                "  file " + SampleResults.SHELL + " (China Chopper web shell; " + SampleResults.IMG_INJECTION + ", modified"
                        + " 2021-03-03T02:15:40Z), requested 3 times from 2021-03-03T02:20:01Z to 2021-03-03T06:11:30Z by 203.0.113.7",
                "timeline Post-exploitation: 1 finding, first 2021-03-05T11:00:00Z, last 2021-03-05T11:00:00Z",
                "  file C:\\inetpub\\wwwroot\\aspnet_client\\" + SampleResults.IMG_INJECTION + ".aspx (known web-shell hash,"
                        + " modified 2021-03-05T11:00:00Z), no request to /aspnet_client/x.aspx in the web logs");
    }

    /**
     * Issue 20, item 10: what the caps did not keep is counted in the words: the findings not kept beside those kept
     * (the addresses shown are the kept findings' only), and a file's requests from addresses past its 20.
     */
    @Test
    void aTimelineSaysWhatTheCapsDidNotKeep() {
        List<String> twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "198.51.100." + (100 + i)).toList();
        RowTimeline capped = new RowTimeline("ProxyLogon", 13, 2_999_988, Instant.parse("2021-03-02T10:00:10Z"),
                Instant.parse("2021-03-02T10:30:00Z"), java.util.stream.IntStream.range(0, 12).mapToObj(i -> "192.0.2." + (10 + i)).toList(),
                12, List.of(new FileUse("C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", List.of("web shell"), null,
                        "/aspnet_client/x.aspx", 25, Instant.parse("2021-03-02T11:00:00Z"), Instant.parse("2021-03-02T11:00:00Z"),
                        twenty, 5, Map.of("200", 25L))));

        assertThat(TimelineWords.of(capped)).containsExactly(
                "timeline ProxyLogon: 3000001 findings (13 kept, the others counted: the cap per rule), first"
                        + " 2021-03-02T10:00:10Z, last 2021-03-02T10:30:00Z, exploit from 192.0.2.10, 192.0.2.11, 192.0.2.12,"
                        + " 192.0.2.13, 192.0.2.14, 192.0.2.15, 192.0.2.16, 192.0.2.17, 192.0.2.18, 192.0.2.19 and 2 more in the"
                        + " findings kept (the 2999988 not kept may name others)",
                "  file C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx (web shell), requested 25 times from 2021-03-02T11:00:00Z to"
                        + " 2021-03-02T11:00:00Z by " + String.join(", ", twenty.subList(0, 10)) + " and 10 more, and 5 requests"
                        + " from further addresses");
    }

    @Test
    void extendedProtectionAndMitigationsEachStateInWords() {
        String head = "Extended Protection (CVE-2024-21410 depends on it): ";
        assertThat(ScanWords.extendedProtection(new ExtendedProtection(ExtendedProtection.State.NOT_VISIBLE, List.of())))
                .isEqualTo(head + "not visible (no applicationHost.config in the evidence)");
        assertThat(ScanWords.extendedProtection(new ExtendedProtection(ExtendedProtection.State.OFF, List.of())))
                .isEqualTo(head + "off (applicationHost.config sets no tokenChecking for any location)");
        assertThat(ScanWords.extendedProtection(new ExtendedProtection(ExtendedProtection.State.OFF,
                List.of(new ExtendedProtection.Setting("a", "None"))))).isEqualTo(head + "off (tokenChecking=None on all 1 locations that set it)");
        assertThat(ScanWords.extendedProtection(new ExtendedProtection(ExtendedProtection.State.ON,
                List.of(new ExtendedProtection.Setting("a", "Require"))))).isEqualTo(head + "on (tokenChecking=Require on all 1 locations that set it)");
        List<ExtendedProtection.Setting> six = List.of(new ExtendedProtection.Setting("a", "Require"),
                new ExtendedProtection.Setting("b", "None"), new ExtendedProtection.Setting("c", "Allow"),
                new ExtendedProtection.Setting("d", "None"), new ExtendedProtection.Setting("e", "None"),
                new ExtendedProtection.Setting("f", "None"), new ExtendedProtection.Setting("g", "None"));
        assertThat(ScanWords.extendedProtection(new ExtendedProtection(ExtendedProtection.State.PARTLY_ON, six)))
                .isEqualTo(head + "partly on (Require on 1 of 7 locations; not on b=None, c=Allow, d=None, e=None and 2 more)");

        assertThat(ScanWords.mitigations(new Mitigations(false, List.of())))
                .containsExactly("Mitigations: no EOMT or EOMTv2 rewrite rule in the evidence (no applicationHost.config)");
        assertThat(ScanWords.mitigations(new Mitigations(true, List.of()))).containsExactly(
                "Mitigations: no EOMT or EOMTv2 rewrite rule in applicationHost.config or the Default Web Site's web.config");
    }

    @Test
    void aBuildNotFoundSaysWhyAndAnUpToDateOneSaysSo() {
        assertThat(Notes.of(new ServerFacts(new BuildFacts(null, "no Exchange install in the evidence", List.of(), List.of(), null,
                null), null, null))).containsExactly("Build: no Exchange install in the evidence; exposure is UNKNOWN");
        assertThat(BuildWords.updatePath(new UpdatePath(true, List.of(new UpdateStep("CU23 Aug26SU", "15.1.2507.72", "", "2026-08")))))
                .isEqualTo("up to date: CU23 Aug26SU (15.1.2507.72, 2026-08) is the latest update known");
    }

    @Test
    void aProbesFactsInWords() {
        BuildFacts cu = new BuildFacts(new BuildSighting("15.1.2176", "Exchange Server 2016 CU19 (update level unknown)",
                BuildSource.HTTP, "OWA asset folders (CU only)", null, null), null, List.of(), List.of(), null, null);
        ProbeFacts seen = new ProbeFacts("EXCHANGE_CU", "", "Outlook", "Microsoft-IIS/10.0", 3,
                new Certificate("CN=old.contoso.test", "CN=Contoso CA", Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2021-01-01T00:00:00Z"), List.of("old.contoso.test", "mail.contoso.test"), false, true, "TLSv1.2"),
                Map.of("X-FEServer", "EX01", "X-BEServer", "EX02"),
                List.of(new ActiveCheckResult("ProxyLogon SSRF", "NOT_REACHABLE", "HTTP 404, no X-CalculatedBETarget", "https://x/")));
        assertThat(Notes.of(new ServerFacts(cu, null, seen))).containsExactly(
                "Status: EXCHANGE_CU; page title 'Outlook'; Server: Microsoft-IIS/10.0; 3 requests",
                "Build 15.1.2176: Exchange Server 2016 CU19 (update level unknown); from the OWA asset folders (CU only)",
                "CU known, SU unknown: the server shows its CU but not its security-update level; check it locally (exhunt scan,"
                        + " or ExSetup.exe's file version)",
                "Certificate: CN=old.contoso.test, issued by CN=Contoso CA, valid 2020-01-01T00:00:00Z to 2021-01-01T00:00:00Z"
                        + " (EXPIRED), names old.contoso.test mail.contoso.test, TLSv1.2",
                "Internal name disclosed: X-BEServer: EX02",
                "Internal name disclosed: X-FEServer: EX01",
                "Active check ProxyLogon SSRF: NOT_REACHABLE (HTTP 404, no X-CalculatedBETarget)");
        assertThat(Notes.of(new ServerFacts(null, null, new ProbeFacts("NO_ANSWER", "", "", "", 1, null, Map.of(), List.of()))))
                .containsExactly("Status: NO_ANSWER; 1 requests");
    }

    @Test
    void noFactsNoNotes() {
        assertThat(Notes.of(ServerFacts.NONE)).isEmpty();
    }
}
