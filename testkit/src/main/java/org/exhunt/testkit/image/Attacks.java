package org.exhunt.testkit.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.exhunt.core.Rows;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * The steps of the Exchange attack chains as the public descriptions give them, each with the traces it leaves
 * in IIS, HttpProxy, ECP, OAB generator and event logs, and what a correct scan makes of each trace. Sources:
 * Microsoft's HAFNIUM post, Volexity and CISA AA21-062A (ProxyLogon); Orange Tsai's talk and ZDI's write-up
 * (ProxyShell); GTSC and CrowdStrike (ProxyNotShell, OWASSRF); ZDI (CVE-2020-0688); EXCHANGE.md.
 */
public final class Attacks {

    /** The server's host name in every image. */
    public static final String HOST = "EXCH01";
    static final String FQDN = HOST + ".contoso.local";
    static final String PYTHON = "python-requests/2.25.1";
    static final String ANTSWORD = "antSword/v2.1";
    private static final String W3WP = "C:\\Windows\\System32\\inetsrv\\w3wp.exe";
    private static final String APP_POOL_CONFIG = "-v \"v4.0\" -c \"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin"
            + "\\GenericAppPoolConfigWithGCServerEnabledFalse.config\"";
    private static final String ECP_CANARY = "msExchEcpCanary=W7u5pDlQ0Eub8VqQFbX8mJ1vHf3Xb9gIl4cO2nRkT6s0yZ1aE9wYdQ2pC5mN8vB3xLfA.";

    private Attacks() {}

    // ---- ProxyLogon (CVE-2021-26855 SSRF, then CVE-2021-27065 / 26858 file writes) ----

    /**
     * A ProxyLogon SSRF request: a POST to a made-up script under {@code /ecp/} whose {@code X-BEResource} cookie
     * sends it to {@code backendPath} on the back end. IIS logs the POST (CISA lists POSTs to {@code /ecp/<x>.js});
     * HttpProxy logs the forged route in AnchorMailbox ({@code ServerInfo~...}, Test-ProxyLogon's check).
     *
     * @param script     the made-up script name ({@code y.js})
     * @param backendPath the back-end path the cookie names ({@code mapi/emsmdb?})
     * @param status     what the front end answered (241 for {@code proxyLogon.ecp}, as the exploits expect)
     * @param proxyLine  what a scan makes of the HttpProxy line
     */
    public static Step proxyLogonSsrf(Instant at, String ip, String script, String backendPath, int status, Expect proxyLine) {
        String what = "ProxyLogon SSRF (CVE-2021-26855) to " + backendPath;
        PlantedEvent.WebRequest r = new PlantedEvent.WebRequest(at, ip, "POST", "/ecp/" + script, "", "", PYTHON, status,
                "Ecp", "ServerInfo~a]@" + FQDN + ":444/" + backendPath + "#");
        return new Step(at, ip, what, List.of(
                line(LogKind.IIS, r, Expect.attempt(Rows.PROXYLOGON, "POST to a made-up script under /ecp/ (CISA AA21-062A): " + what)),
                line(LogKind.HTTPPROXY, r, proxyLine)));
    }

    /** The probe every ProxyLogon exploit starts with: the SSRF to Autodiscover, for the server's LegacyDN. */
    public static Step proxyLogonProbe(Instant at, String ip, String script) {
        return proxyLogonSsrf(at, ip, script, "autodiscover/autodiscover.xml?", 200, Expect.attempt(Rows.PROXYLOGON,
                "forged back-end route to Autodiscover only: MSRC reads it as scanning, still an exploit request of"
                        + " CVE-2021-26855 (the first Test-ProxyLogon filter: no authenticated user)"));
    }

    /** An SSRF step after the probe (the SID through MAPI, a session through proxyLogon.ecp, the OAB directory's id). */
    public static Step proxyLogonForgedRequest(Instant at, String ip, String script, String backendPath, int status) {
        return proxyLogonSsrf(at, ip, script, backendPath, status, Expect.attempt(Rows.PROXYLOGON,
                "AnchorMailbox ServerInfo~<backend>/" + backendPath + ": a forged back-end request (Test-ProxyLogon)"));
    }

    /**
     * CVE-2021-27065, first half: through the SSRF, ECP sets the OAB virtual directory's ExternalUrl to a Chopper
     * script. ECP's Server log and the MSExchange Management log record the command.
     */
    public static Step setOabExternalUrl(Instant at, String ip, String script, String parameter) {
        Step ssrf = proxyLogonForgedRequest(at, ip, script, "ecp/DDI/DDIService.svc/SetObject?" + ECP_CANARY
                + "&schema=OABVirtualDirectory", 200);
        String url = Artifacts.oabScript(parameter);
        List<Trace> traces = new ArrayList<>(ssrf.traces());
        traces.add(line(LogKind.ECP_SERVER, new PlantedEvent.EcpCommand(at.plusMillis(180),
                        "Set-OabVirtualDirectory.ExternalUrl='" + url + "'.Identity='982d48c8-8bfa-4b6b-b431-53fd7ea4e9b3'",
                        "/ecp/DDI/DDIService.svc/SetObject?" + ECP_CANARY + "&schema=OABVirtualDirectory"),
                Expect.success(Rows.PROXYLOGON, "Set-OabVirtualDirectory with a script in ExternalUrl (CVE-2021-27065;"
                        + " Test-ProxyLogon's and CISA's ECP check)")));
        traces.add(new Trace.Event(LogKind.MANAGEMENT, EventSamples.cmdlet(at.plusMillis(190), 1, "Set-OabVirtualDirectory",
                        "-Identity \"" + HOST + "\\OAB (Default Web Site)\" -ExternalUrl \"" + url + "\"",
                        "contoso.local/Users/Administrator", "ECP", "5412 w3wp#MSExchangeECPAppPool"),
                Expect.success(Rows.PROXYLOGON, "the cmdlet log records Set-OabVirtualDirectory with a script in"
                        + " ExternalUrl (CVE-2021-27065)")));
        return new Step(at, ip, "ProxyLogon: OAB virtual directory's ExternalUrl set to a Chopper script (CVE-2021-27065)", traces);
    }

    /**
     * CVE-2021-27065, second half: through the SSRF, ECP resets the OAB virtual directory, exporting its settings
     * (with the script) to a file the attacker names: ECP's application pool writes the web shell (Sysmon 11).
     * The forged route ends with the schema, as the AnchorMailbox values Test-ProxyLogon looks for
     * ({@code ServerInfo~*}{@code /*Reset*VirtualDirectory#}) show.
     */
    public static Step resetOabVirtualDirectory(Instant at, String ip, String script, String shellWindowsPath) {
        Step ssrf = proxyLogonSsrf(at, ip, script, "ecp/DDI/DDIService.svc/SetObject?" + ECP_CANARY
                + "&schema=ResetOABVirtualDirectory", 200, Expect.success(Rows.PROXYLOGON, "ResetOABVirtualDirectory through the SSRF answered 200:"
                + " Test-ProxyLogon's 'web shell possibly written' (CVE-2021-27065)"));
        List<Trace> traces = new ArrayList<>(ssrf.traces());
        traces.add(new Trace.Event(LogKind.SYSMON, EventSamples.sysmonFileCreate(at.plusMillis(640),
                        "0197231e-77c1-6040-5a0b-000000000800", 5412, W3WP, shellWindowsPath),
                Expect.success(Rows.PROXYLOGON, "ECP's worker process writes " + shellWindowsPath
                        + ": the file write of CVE-2021-27065")));
        return new Step(at, ip, "ProxyLogon: OAB virtual directory reset, its settings written to " + shellWindowsPath, traces);
    }

    /**
     * ProxyLogon's mail theft: through the SSRF to EWS ({@code X-BEResource} naming {@code EWS/Exchange.asmx}), a SOAP
     * action on a mailbox, as HAFNIUM read mail with {@code ExchangeServicesClient/0.0.0.0} (CISA AA21-062A). IIS and
     * HttpProxy log the forged request (MSRC: AnchorMailbox ending in {@code /ews/exchange.asmx}, answered 200: mail
     * may be taken); the back end's EWS log names the mailbox and the action, for the attacker's address.
     */
    public static Step proxyLogonEwsRead(Instant at, String ip, String script, String mailbox, String soapAction) {
        Step ssrf = proxyLogonSsrf(at, ip, script, "EWS/Exchange.asmx?", 200, Expect.success(Rows.PROXYLOGON,
                "the SSRF reaches EWS and is answered 200: MSRC's sign that mail may be taken (check Logging\\EWS)"));
        List<Trace> traces = new ArrayList<>(ssrf.traces());
        traces.add(line(LogKind.EWS, new PlantedEvent.EwsRequest(at.plusMillis(150), ip, mailbox, soapAction,
                "ExchangeServicesClient/0.0.0.0"), Expect.context(Rows.PROXYLOGON, "EWS's " + soapAction + " on " + mailbox
                + " for the attacker's address: what was read (the impact), not a finding")));
        return new Step(at, ip, "ProxyLogon: " + soapAction + " on " + mailbox + " through the SSRF to EWS", traces,
                List.of(new Touched.MailboxRead(mailbox, "EWS", java.util.Set.of(LogKind.EWS))));
    }

    /**
     * CVE-2021-26857: the Unified Messaging service failing on the deserialized object the chain sends, in the
     * Application log (Test-ProxyLogon's check).
     */
    public static Step unifiedMessagingDeserialization(Instant at) {
        return new Step(at, null, "ProxyLogon: Unified Messaging deserialization (CVE-2021-26857)", List.of(
                new Trace.Event(LogKind.APPLICATION, EventSamples.unifiedMessagingInvalidCast(at),
                        Expect.attempt(Rows.PROXYLOGON, "Unified Messaging fails on a deserialized object (CVE-2021-26857;"
                                + " Test-ProxyLogon)"))));
    }

    /** CVE-2021-26858: the OAB generator's download to a path outside {@code ClientAccess\OAB}. */
    public static Step oabDownloadFailed(Instant at, String windowsPath) {
        return new Step(at, null, "ProxyLogon: OAB generator file write to " + windowsPath + " (CVE-2021-26858)", List.of(
                line(LogKind.OAB_GENERATOR, new PlantedEvent.OabDownloadFailed(at, windowsPath),
                        Expect.success(Rows.PROXYLOGON, "'Download failed and temporary file' outside ClientAccess\\OAB"
                                + " (CVE-2021-26858; Test-ProxyLogon)"))));
    }

    // ---- ProxyShell (CVE-2021-34473 SSRF, CVE-2021-34523 PowerShell, CVE-2021-31207 mailbox export) ----

    /**
     * A ProxyShell request: the Autodiscover path confusion {@code /autodiscover/autodiscover.json?@<email>/<backend>
     * &Email=autodiscover/autodiscover.json%3F@<email>}, without credentials. Answered for a back end that gives
     * control or data (remote PowerShell, the address book, EWS), it succeeded; answered for another path
     * (Autodiscover for the LegacyDN, MAPI for the SID, OWA as scanners check it) it shows the path confusion works
     * but reached nothing yet; refused, it is an attempt. Hunting guidance reads it in the IIS logs; the HttpProxy
     * Autodiscover log has the same request.
     *
     * @param backend the back-end path with its own query, if any ({@code mapi/nspi/}, {@code powershell/?X-Rps-CAT=...})
     */
    public static Step proxyShellRequest(Instant at, String ip, String method, String email, String backend, int status) {
        String query = "@" + email + "/" + backend + (backend.contains("?") ? "&" : "?&")
                + "Email=autodiscover/autodiscover.json%3F@" + email;
        PlantedEvent.WebRequest r = new PlantedEvent.WebRequest(at, ip, method, "/autodiscover/autodiscover.json", query,
                "", PYTHON, status, "Autodiscover", "");
        boolean answered = status == 200 || status == 301 || status == 302;
        String path = backend.replaceAll("\\?.*", "").toLowerCase(java.util.Locale.ROOT);
        boolean reachesControl = path.startsWith("powershell") || path.startsWith("mapi/nspi") || path.startsWith("ews");
        String what = "ProxyShell path confusion (CVE-2021-34473) to /" + path;
        Expect iis = !answered ? Expect.attempt(Rows.PROXYSHELL, what + ", refused (" + status + ")")
                : reachesControl ? Expect.success(Rows.PROXYSHELL, what + ", answered " + status
                        + ": the back end was reached without credentials")
                : Expect.attempt(Rows.PROXYSHELL, what + ", answered " + status + ": the path confusion works, nothing"
                        + " that gives control or data was reached by this request");
        return new Step(at, ip, what, List.of(line(LogKind.IIS, r, iis), sameInHttpProxy(r, Rows.PROXYSHELL)));
    }

    /** ProxyShell's remote PowerShell: the path confusion to {@code /powershell} with a forged X-Rps-CAT token (CVE-2021-34523). */
    public static Step proxyShellPowerShell(Instant at, String ip, String email, String impersonated, int status) {
        return proxyShellRequest(at, ip, "POST", email, "powershell/?X-Rps-CAT="
                + percentEncode(accessToken(impersonated, "S-1-5-21-3623811015-3361044348-30300820-500")), status);
    }

    /**
     * A cmdlet in the MSExchange Management log, run through remote PowerShell by the impersonated administrator.
     */
    public static Step cmdlet(Instant at, String ip, String cmdlet, String parameters, Expect expect) {
        Step step = new Step(at, ip, cmdlet + " " + parameters, List.of(new Trace.Event(LogKind.MANAGEMENT,
                EventSamples.cmdlet(at, 1, cmdlet, parameters, "contoso.local/Users/Administrator",
                        "Remote-ManagementShell-Unknown", "6892 w3wp#MSExchangePowerShellAppPool"), expect)));
        String user = quoted(parameters, "-User");
        return cmdlet.equals("New-ManagementRoleAssignment") && user != null
                ? step.touching(new Touched.AccountChanged("role-assigned", user, quoted(parameters, "-Role"), LogKind.MANAGEMENT))
                : step;
    }

    /** The value of a parameter written {@code -Name "value"}, or null. */
    private static String quoted(String parameters, String name) {
        int at = parameters.indexOf(name + " \"");
        if (at < 0) return null;
        int start = at + name.length() + 2;
        int end = parameters.indexOf('"', start);
        return end < 0 ? null : parameters.substring(start, end);
    }

    /**
     * CVE-2021-31207: through the forged PowerShell session, the impersonated administrator's mailbox exported as a
     * page into a web folder ({@code New-MailboxExportRequest -FilePath \\127.0.0.1\c$\...}), then the mailbox
     * replication service writing the file (Sysmon 11): two steps, in that order.
     *
     * @param subject   the draft's subject the export is filtered on (Orange Tsai's exploit), or null: the whole folder
     * @param drivePath where the export lands ('/'-separated, on C:)
     * @param writtenAt when the replication service writes it
     * @param exported  what a scan makes of the export request
     * @param written   what a scan makes of the write
     */
    public static List<Step> mailboxExport(Instant at, String ip, String subject, String drivePath, Instant writtenAt,
                                           long pid, String exported, String written) {
        String windows = drivePath.replace('/', '\\');
        String filter = subject == null ? "" : " -ContentFilter \"(Subject -eq '" + subject + "')\" -ExcludeDumpster";
        return List.of(
                cmdlet(at, ip, "New-MailboxExportRequest", "-Mailbox \"administrator@contoso.local\" -IncludeFolders"
                        + " \"#Drafts#\"" + filter + " -FilePath \"\\\\127.0.0.1\\c$\\" + windows + "\"",
                        Expect.success(Rows.PROXYSHELL, exported))
                        .touching(new Touched.MailboxExported("administrator@contoso.local", "C:\\" + windows)),
                fileCreate(writtenAt, "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin"
                        + "\\MSExchangeMailboxReplication.exe", pid, "C:\\" + windows, Expect.success(Rows.PROXYSHELL, written)));
    }

    // ---- ProxyNotShell (CVE-2022-41040 SSRF, CVE-2022-41082 code execution) and OWASSRF (CVE-2022-41080) ----

    /**
     * ProxyNotShell: the Autodiscover path confusion to {@code /powershell} with a (stolen) user's credentials
     * (GTSC's hunting regex {@code powershell.*autodiscover\.json.*\@.*200}).
     */
    public static Step proxyNotShellRequest(Instant at, String ip, String user, String email, int status) {
        String query = "@" + email + "/powershell/?serializationLevel=Full;ExchClientVer=15.2.1118.7;clientApplication="
                + "ManagementShell;TargetServer=;PSVersion=5.1.17763.592&Email=autodiscover/autodiscover.json%3F@" + email;
        PlantedEvent.WebRequest r = new PlantedEvent.WebRequest(at, ip, "POST", "/autodiscover/autodiscover.json", query,
                user, "python-requests/2.28.1", status, "Autodiscover", "");
        return usedCredentials(powerShellSession(r, "ProxyNotShell SSRF (CVE-2022-41040) to /powershell as " + user), user);
    }

    /** OWASSRF (CrowdStrike, 2022-12): remote PowerShell through {@code /owa/<address>/powershell}, past EOMTv2's rule. */
    public static Step owaSsrf(Instant at, String ip, String user, int status) {
        PlantedEvent.WebRequest r = new PlantedEvent.WebRequest(at, ip, "POST", "/owa/mastermailbox%40outlook.com/powershell",
                "", user, "python-requests/2.28.1", status, "Owa", "");
        return usedCredentials(powerShellSession(r, "OWASSRF (CVE-2022-41080) to /powershell as " + user), user);
    }

    // ---- CVE-2020-0688 ----

    /** A ViewState deserialization request to ECP with a user's credentials (ZDI, 2020-02). */
    public static Step viewStateRequest(Instant at, String ip, String user, int status) {
        PlantedEvent.WebRequest r = new PlantedEvent.WebRequest(at, ip, "GET", "/ecp/default.aspx",
                "__VIEWSTATEGENERATOR=B97B4E27&__VIEWSTATE=%2FwEyhAYAAQAAAP%2F%2F%2F%2F8BAAAAAAAAAAwCAAAAXk1pY3Jvc29mdC5Qb3dlclNo",
                user, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:72.0) Gecko/20100101 Firefox/72.0", status, "Ecp", "");
        String what = "ECP ViewState deserialization request (CVE-2020-0688) as " + user + ", answered " + status;
        return usedCredentials(new Step(at, ip, what, List.of(line(LogKind.IIS, r, Expect.attempt(Rows.CVE_2020_0688, what)),
                sameInHttpProxy(r, Rows.CVE_2020_0688))), user);
    }

    /** A step whose requests authenticated as {@code user} (a stolen password), when it names one. */
    private static Step usedCredentials(Step step, String user) {
        return user == null || user.isEmpty() ? step : step.touching(new Touched.CredentialsUsed(user));
    }

    // ---- after the exploit ----

    /**
     * A request to a web shell. Under {@code /aspnet_client/}, where a standard install has no script, the request
     * is evidence by itself (use of a shell, even one deleted since); under {@code /owa/auth/}, beside Exchange's
     * own pages, the shell file is the evidence and its requests tell when and by whom it was used.
     *
     * @param chain the chain that dropped the shell, as a correct scan links it (null: unlinked)
     */
    public static Step shellRequest(Instant at, String ip, String urlPath, String userAgent, String chain) {
        PlantedEvent.WebRequest r = new PlantedEvent.WebRequest(at, ip, "POST", urlPath, "", "", userAgent, 200, null, "");
        String what = "request to the web shell " + urlPath;
        Expect expect = urlPath.toLowerCase(java.util.Locale.ROOT).startsWith("/aspnet_client/")
                ? Expect.postExploitation(chain, what + ": a script in aspnet_client, where a standard install has none")
                : Expect.context(chain, what + ": the file found on disk is the evidence");
        return new Step(at, ip, what, List.of(line(LogKind.IIS, r, expect)));
    }

    /** Requests to a web shell from one address at the given times ({@link #shellRequest}). */
    public static List<Step> shellRequests(String ip, String urlPath, String userAgent, String chain, Instant... times) {
        List<Step> steps = new ArrayList<>();
        for (Instant t : times) steps.add(shellRequest(t, ip, urlPath, userAgent, chain));
        return steps;
    }

    /** A process start seen by Sysmon (event 1) and, when {@code security}, by Security auditing (4688). */
    public static Step process(Instant at, String image, String description, String commandLine, String parentImage,
                               String parentCommandLine, long pid, long parentPid, boolean security, Expect expect) {
        return process(at, image, description, commandLine, parentImage, parentCommandLine, pid, parentPid,
                security ? expect : null, expect);
    }

    /**
     * A process start seen by Sysmon (event 1) and, when {@code securityExpect} is not null, by Security auditing
     * (4688), each with what a scan should make of it: a 4688 event does not carry the parent's command line, so
     * alone it may say less than its Sysmon twin.
     */
    public static Step process(Instant at, String image, String description, String commandLine, String parentImage,
                               String parentCommandLine, long pid, long parentPid, Expect securityExpect, Expect expect) {
        boolean security = securityExpect != null;
        String guid = String.format("0197231e-%04x-6%03x-%04x-000000000800", (int) (pid & 0xffff), (int) (pid % 0x1000),
                (int) (at.getEpochSecond() & 0xffff));
        String exe = image.substring(image.lastIndexOf('\\') + 1);
        List<Trace> traces = new ArrayList<>();
        traces.add(new Trace.Event(LogKind.SYSMON, EventSamples.sysmonProcess(at, guid, pid, image, description, exe,
                commandLine, parentImage, parentCommandLine, "NT AUTHORITY\\SYSTEM", parentPid), expect));
        if (security) {
            traces.add(new Trace.Event(LogKind.SECURITY, EventSamples.securityProcess(at.plusMillis(2), image, commandLine,
                    parentImage, pid, parentPid), securityExpect));
        }
        return new Step(at, null, commandLine, traces);
    }

    /**
     * An account's logon to the server (Security 4624), and for an administrator the special privileges given to it
     * (4672): every logon type but network (3) leaves the account's credentials in LSASS until it logs off.
     */
    public static Step logon(Instant at, String user, int logonType, String ip, long logonId, boolean administrator) {
        List<Trace> traces = new ArrayList<>();
        traces.add(new Trace.Event(LogKind.SECURITY, EventSamples.securityLogon(at, user, "CONTOSO", logonType, ip, logonId),
                Expect.context(null, "CONTOSO\\" + user + " logs on (type " + logonType + "): no evidence of compromise")));
        if (administrator) {
            traces.add(new Trace.Event(LogKind.SECURITY, EventSamples.securityPrivileges(at, user, "CONTOSO", logonId),
                    Expect.context(null, "special privileges for the administrator's logon")));
        }
        return new Step(at, null, "CONTOSO\\" + user + " logs on (type " + logonType + ")", traces,
                List.of(new Touched.Logon("CONTOSO\\" + user, logonType)));
    }

    /**
     * Through a web shell, as SYSTEM: a local account created and added to the local Administrators group (Security
     * 4720, 4732), a way back in.
     */
    public static Step localAdministratorAdded(Instant at, String user, String sid) {
        String account = HOST + "\\" + user;
        return new Step(at, null, "net user " + user + " /add; net localgroup Administrators " + user + " /add", List.of(
                new Trace.Event(LogKind.SECURITY, EventSamples.securityUserCreated(at, user, sid),
                        Expect.context(null, "a local account created as SYSTEM: impact, not a finding")),
                new Trace.Event(LogKind.SECURITY, EventSamples.securityLocalGroupMemberAdded(at.plusMillis(420), sid,
                        "Administrators", "S-1-5-32-544"), Expect.context(null, "added to the local Administrators"))),
                List.of(new Touched.AccountChanged("created", account, null, LogKind.SECURITY),
                        new Touched.AccountChanged("added-to-group", account, "Builtin\\Administrators", LogKind.SECURITY)));
    }

    /** Through a web shell, as SYSTEM: a scheduled task that starts a program at boot (Security 4698). */
    public static Step scheduledTask(Instant at, String name, String command, String arguments) {
        return new Step(at, null, "schtasks /create /tn " + name, List.of(new Trace.Event(LogKind.SECURITY,
                EventSamples.securityTaskCreated(at, name, command, arguments),
                Expect.context(null, "a scheduled task created as SYSTEM: impact, not a finding"))),
                List.of(new Touched.PersistenceAdded("scheduled-task", name)));
    }

    /** A message sent out of the organisation from a mailbox (Message Tracking's SEND over SMTP). */
    public static Step mailSent(Instant at, String sender, String recipient, String subject) {
        return new Step(at, null, "mail from " + sender + " to " + recipient, List.of(line(LogKind.MESSAGE_TRACKING,
                new PlantedEvent.MailSent(at, sender, recipient, subject, 2_416_233), Expect.context(null,
                        "mail sent out: to review, not a finding"))), List.of(new Touched.MailSentOut(sender, recipient)));
    }

    /** The command line of IIS's worker process for an application pool. */
    public static String w3wpCommandLine(String appPool) {
        return W3WP.toLowerCase(java.util.Locale.ROOT) + " -ap \"" + appPool + "\" " + APP_POOL_CONFIG;
    }

    /** IIS's worker process. */
    public static String w3wp() {
        return W3WP;
    }

    /** A file write seen by Sysmon (event 11). */
    public static Step fileCreate(Instant at, String image, long pid, String target, Expect expect) {
        return new Step(at, null, image + " writes " + target, List.of(new Trace.Event(LogKind.SYSMON,
                EventSamples.sysmonFileCreate(at, String.format("0197231e-%04x-6a11-0c3e-000000000800", (int) (pid & 0xffff)),
                        pid, image, target), expect)));
    }

    // ---- building blocks ----

    private static Trace line(LogKind kind, PlantedEvent e, Expect expect) {
        return new Trace.Line(kind, e, expect);
    }

    /** The HttpProxy copy of a request the IIS line already shows: welcome as context, not required. */
    private static Trace sameInHttpProxy(PlantedEvent.WebRequest r, String chain) {
        return line(LogKind.HTTPPROXY, r, Expect.context(chain, "the same request in the HttpProxy " + r.proxyFolder()
                + " log: the IIS line already shows it"));
    }

    /** A remote PowerShell request with a user's credentials: answered 200, a session; otherwise an attempt. */
    private static Step powerShellSession(PlantedEvent.WebRequest r, String what) {
        return new Step(r.at(), r.clientIp(), what, List.of(
                line(LogKind.IIS, r, r.status() == 200
                        ? Expect.success(Rows.PROXYNOTSHELL, what + ", answered 200: a remote PowerShell session")
                        : Expect.attempt(Rows.PROXYNOTSHELL, what + ", refused (" + r.status() + ")")),
                sameInHttpProxy(r, Rows.PROXYNOTSHELL)));
    }

    /**
     * Exchange's CommonAccessToken as ProxyShell forges it for {@code X-Rps-CAT} (Orange Tsai; the public write-ups
     * of the format): version, type {@code Windows}, uncompressed, Kerberos, the login name, the user SID, one
     * group (Administrators), no extensions; base64.
     */
    static String accessToken(String login, String sid) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write('V');
        b.write(1);
        b.write(0);
        field(b, 'T', "Windows");
        b.write('C');
        b.write(0);
        field(b, 'A', "Kerberos");
        field(b, 'L', login);
        field(b, 'U', sid);
        b.write('G');
        b.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(7).array());
        String group = "S-1-5-32-544";
        b.write(group.length());
        b.writeBytes(group.getBytes(StandardCharsets.US_ASCII));
        b.write('E');
        b.writeBytes(new byte[4]);
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }

    private static void field(ByteArrayOutputStream b, char tag, String value) {
        b.write(tag);
        b.write(value.length());
        b.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
    }

    private static String percentEncode(String base64) {
        return base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    }
}
