package org.exhunt.testkit.image;

import static org.exhunt.testkit.image.LogKind.APPLICATION;
import static org.exhunt.testkit.image.LogKind.ECP_SERVER;
import static org.exhunt.testkit.image.LogKind.HTTPPROXY;
import static org.exhunt.testkit.image.LogKind.IIS;
import static org.exhunt.testkit.image.LogKind.IIS_BACKEND;
import static org.exhunt.testkit.image.LogKind.MANAGEMENT;
import static org.exhunt.testkit.image.LogKind.OAB_GENERATOR;
import static org.exhunt.testkit.image.LogKind.SECURITY;
import static org.exhunt.testkit.image.LogKind.SYSMON;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.exhunt.core.Rows;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;

/**
 * Server images of realistic size, for the scan benchmark ({@code bench/hunt.sh}): the same builder, steps and
 * oracle as the examples, with the logs and files of a busy server around them.
 */
public final class LargeScenarios {

    /** The day the image was taken: every log ends before it. */
    public static final Instant CAPTURED = Instant.parse("2021-08-24T00:00:00Z");
    /** IIS keeps everything since it was set up; Exchange's own logs, Security and Sysmon their last 30 days. */
    static final Instant IIS_FROM = Instant.parse("2021-02-22T00:00:00Z");
    static final Instant EXCHANGE_FROM = CAPTURED.minus(30, ChronoUnit.DAYS);
    /** Exchange 2016 CU19 before the March 2021 security update, upgraded from CU18 (whose OWA files stay). */
    public static final String BUILD = "15.1.2176.2";
    static final String EARLIER_BUILD = "15.1.2106.2";

    /** The ProxyLogon intruder's address: one of CISA AA21-062A's, in the rule pack's attacker list. */
    public static final String PROXYLOGON_IP = "103.77.192.219";
    public static final Instant PROXYLOGON = Instant.parse("2021-03-03T06:49:43Z");
    static final String PROXYSHELL_IP = "203.0.113.200";
    static final Instant PROXYSHELL = Instant.parse("2021-08-13T03:12:09Z");

    private static final String INETPUB = "inetpub/wwwroot/";
    private static final String OWA_AUTH = Layout.INSTALL + "/FrontEnd/HttpProxy/owa/auth/";

    /** One log's share of the log bytes: a text log (HttpProxy by protocol folder) or an event log. */
    private record Share(LogKind kind, String folder, double share) {}

    private static final List<Share> SHARES = List.of(
            new Share(IIS, null, 0.34), new Share(IIS_BACKEND, null, 0.14),
            new Share(HTTPPROXY, "Ews", 0.075), new Share(HTTPPROXY, "Mapi", 0.075), new Share(HTTPPROXY, "Owa", 0.06),
            new Share(HTTPPROXY, "Eas", 0.05), new Share(HTTPPROXY, "Autodiscover", 0.04), new Share(HTTPPROXY, "Ecp", 0.03),
            new Share(HTTPPROXY, "RpcHttp", 0.02), new Share(HTTPPROXY, "Oab", 0.01), new Share(HTTPPROXY, "PowerShell", 0.01),
            new Share(ECP_SERVER, null, 0.02), new Share(OAB_GENERATOR, null, 0.005),
            new Share(APPLICATION, null, 0.03), new Share(MANAGEMENT, null, 0.015), new Share(SECURITY, null, 0.03),
            new Share(SYSMON, null, 0.02));
    private static final int SAMPLE_EVENTS = 2_000;

    private LargeScenarios() {}

    /**
     * An Exchange 2016 CU19 server left without security updates, with about {@code files} files of which about
     * {@code logBytes} of logs, hit by ProxyLogon on 2021-03-03 (HAFNIUM's wave: the Unified Messaging error, the SSRF,
     * the OAB virtual directory rewritten to drop a China Chopper, a second Chopper in OWA's auth folder) and by
     * ProxyShell on 2021-08-13 (the path confusion, remote PowerShell, the Mailbox Import Export role, a mailbox
     * exported as a web shell, a command through it, LSASS dumped into the web root), plus two web shells no log
     * explains (a command shell and a reGeorg tunnel). The steps lie in the logs that still hold their day: IIS and
     * the Application and MSExchange Management event logs reach back six months, the Exchange logs, Security and
     * Sysmon only their last 30 days, so the March steps are in IIS and those two event logs only.
     */
    public static Scenario twoIntrusions(int files, long logBytes) {
        Scenario.Builder s = Scenario.named("two-intrusions").seed(50_000)
                .title("Exchange 2016 CU19 without security updates, hit by ProxyLogon on 2021-03-03 and ProxyShell on"
                        + " 2021-08-13; " + files + " files, " + (logBytes >> 20) + " MB of logs")
                .build(BUILD).ranEarlier(EARLIER_BUILD, Instant.parse("2020-12-18T09:41:00Z"))
                .logs(IIS_FROM, CAPTURED, IIS, IIS_BACKEND, APPLICATION, MANAGEMENT)
                .logs(EXCHANGE_FROM, CAPTURED, HTTPPROXY, ECP_SERVER, OAB_GENERATOR, SECURITY, SYSMON)
                .httpProxyFolders(SHARES.stream().filter(x -> x.kind() == HTTPPROXY).map(Share::folder).toList())
                .filesInAll(files);
        proxyLogon(s);
        proxyShell(s);
        s.file(new DroppedFile(Layout.INSTALL + "/ClientAccess/ecp/Reporting/DailyReport.aspx", Artifacts.commandShell("c"),
                Expect.postExploitation(null, "a command shell in ECP's folder that no log explains")));
        s.file(new DroppedFile(INETPUB + "aspnet_client/system_web/discover.aspx", Artifacts.tunnel(),
                Expect.postExploitation(null, "a reGeorg tunnel that no log explains")));
        return traffic(s, logBytes).build();
    }

    private static void proxyLogon(Scenario.Builder s) {
        String ip = PROXYLOGON_IP;
        Instant t = PROXYLOGON;
        String oabShell = INETPUB + "aspnet_client/system_web/Xmfa8Kd3.aspx";
        String windows = "C:\\" + oabShell.replace('/', '\\');
        s.step(Attacks.unifiedMessagingDeserialization(t.minusSeconds(40)))
                .step(Attacks.proxyLogonProbe(t, ip, "y.js"))
                .step(Attacks.proxyLogonForgedRequest(t.plusMillis(1_310), ip, "y.js", "mapi/emsmdb?", 200))
                .step(Attacks.proxyLogonForgedRequest(t.plusMillis(2_870), ip, "y.js", "ecp/proxyLogon.ecp?", 241))
                .step(Attacks.setOabExternalUrl(t.plusSeconds(70), ip, "y.js", "exhunt"))
                .step(Attacks.resetOabVirtualDirectory(t.plusSeconds(80), ip, "y.js", windows))
                .step(Attacks.oabDownloadFailed(t.plusSeconds(95), "\\\\127.0.0.1\\c$\\" + oabShell.replace('/', '\\')))
                .steps(Attacks.shellRequests(ip, "/aspnet_client/system_web/Xmfa8Kd3.aspx", Attacks.ANTSWORD, Rows.PROXYLOGON,
                        t.plusSeconds(300), t.plusSeconds(1_320)))
                .steps(Attacks.shellRequests(ip, "/owa/auth/RedirSuiteServerProxy.aspx", Attacks.ANTSWORD, Rows.PROXYLOGON,
                        t.plusSeconds(900)))
                .file(new DroppedFile(oabShell, Artifacts.oabVirtualDirectoryShell(Attacks.HOST, BUILD, "exhunt"),
                        Expect.postExploitation(Rows.PROXYLOGON, "a Chopper inside OAB virtual-directory settings: written"
                                + " by CVE-2021-27065, specific to ProxyLogon")))
                .file(new DroppedFile(OWA_AUTH + "RedirSuiteServerProxy.aspx", Artifacts.chopper("p"),
                        Expect.postExploitation(Rows.PROXYLOGON, "a Chopper beside OWA's own RedirSuiteServiceProxy.aspx,"
                                + " first requested by the address that used the exploit minutes before")));
    }

    private static void proxyShell(Scenario.Builder s) {
        String ip = PROXYSHELL_IP;
        String email = "wmc@evil.corp";
        Instant t = PROXYSHELL;
        String shell = INETPUB + "aspnet_client/x4mfa.aspx";
        String lsass = "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 708"
                + " C:\\inetpub\\wwwroot\\aspnet_client\\lsass.dmp full";
        s.step(Attacks.proxyShellRequest(t, ip, "POST", email, "autodiscover/autodiscover.xml", 200))
                .step(Attacks.proxyShellRequest(t.plusMillis(1_950), ip, "POST", email, "mapi/nspi/", 200))
                .step(Attacks.proxyShellPowerShell(t.plusSeconds(20), ip, email, "administrator@contoso.local", 200))
                .step(Attacks.cmdlet(t.plusSeconds(60), ip, "New-ManagementRoleAssignment",
                        "-Role \"Mailbox Import Export\" -User \"administrator@contoso.local\"",
                        Expect.success(Rows.PROXYSHELL, "the Mailbox Import Export role given through the forged"
                                + " PowerShell session (CVE-2021-34523)")))
                .steps(Attacks.mailboxExport(t.plusSeconds(120), ip, "x4mfa", shell, t.plusSeconds(150), 4312,
                        "a mailbox exported as an .aspx file into the web root (CVE-2021-31207)",
                        "the mailbox replication service writes the export to a web folder (CVE-2021-31207's write)"))
                .steps(Attacks.shellRequests(ip, "/aspnet_client/x4mfa.aspx", Attacks.PYTHON, Rows.PROXYSHELL,
                        t.plusSeconds(400), t.plusSeconds(415)))
                .step(Attacks.process(t.plusSeconds(420), "C:\\Windows\\System32\\cmd.exe", "Windows Command Processor",
                        "cmd /c \"cd /d C:\\inetpub\\wwwroot\\aspnet_client&whoami /all\"", Attacks.w3wp(),
                        Attacks.w3wpCommandLine("MSExchangeOWAAppPool"), 7312, 6892, false,
                        Expect.postExploitation(null, "IIS's worker starts a shell: a web shell runs a command")))
                .step(Attacks.process(t.plusSeconds(600), "C:\\Windows\\System32\\rundll32.exe",
                        "Windows host process (Rundll32)", lsass, Attacks.w3wp(), Attacks.w3wpCommandLine("MSExchangeOWAAppPool"),
                        7448, 6892, true, Expect.postExploitation(null, "LSASS memory dumped through comsvcs.dll's MiniDump"
                                + " into the web root (HAFNIUM's credential theft)")))
                .file(new DroppedFile(shell, Artifacts.pstShell(2021, "exhunt"),
                        Expect.postExploitation(Rows.PROXYSHELL, "a PST export (!BDN) carrying a page: specific to ProxyShell")))
                .file(new DroppedFile(INETPUB + "aspnet_client/lsass.dmp", Artifacts.minidump(708), 48L << 20,
                        Expect.postExploitation(null, "an LSASS memory dump in the web root")));
    }

    /**
     * Sets every log's ordinary traffic so that the logs come to about {@code logBytes} in all, shared out as on a
     * busy server: each text log's lines spaced to fill its share over its days (line sizes from a sample of the
     * generator's output), each event log's events a day likewise (event sizes from a sample written as EVTX).
     */
    private static Scenario.Builder traffic(Scenario.Builder s, long logBytes) {
        Scenario spans = s.build();
        double total = SHARES.stream().mapToDouble(Share::share).sum();
        for (Share x : SHARES) {
            Scenario.Span span = spans.span(x.kind());
            double days = Duration.between(span.from(), span.to()).toMillis() / 86_400_000.0;
            double perDay = logBytes * x.share() / total / days;
            if (x.kind().isEventLog()) {
                s.eventsPerDay(x.kind(), (int) Math.max(1, Math.round(perDay / eventBytes(x.kind()))));
            } else {
                double lines = Math.max(1, perDay / lineBytes(x.kind(), x.folder()));
                s.lineGap(x.kind(), x.folder(), Duration.ofMillis(Math.max(1, Math.round(86_400_000 / lines))));
            }
        }
        return s;
    }

    /** The mean bytes of a line of one text log, from a sample of its generator's output. */
    private static double lineBytes(LogKind kind, String folder) {
        try (InputStream in = Layout.generator(kind, folder).size(256 << 10).open()) {
            byte[] sample = in.readAllBytes();
            long lines = 0;
            for (byte b : sample) if (b == '\n') lines++;
            return (double) sample.length / Math.max(1, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // generated in memory
        }
    }

    /** The bytes an ordinary event of one event log takes in the file, chunk overhead included, from a sample. */
    private static double eventBytes(LogKind kind) {
        Instant from = Instant.parse("2021-01-01T00:00:00Z");
        Iterator<EvtxEvent> events = EventBackground.of(kind, from, from.plus(Duration.ofDays(1)), SAMPLE_EVENTS, 1);
        List<EvtxEvent> sample = new ArrayList<>();
        events.forEachRemaining(sample::add);
        return (double) EvtxWriter.toBytes(sample).length / sample.size();
    }
}
