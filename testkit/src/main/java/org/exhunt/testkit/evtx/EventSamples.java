package org.exhunt.testkit.evtx;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Events of the Exchange attacks exhunt hunts for, as the Windows logs of an Exchange server record them:
 * MSExchange Management cmdlet logs (ProxyShell's mailbox export and role assignment, ProxyLogon's OAB
 * virtual directory), Unified Messaging errors in Application (CVE-2021-26857), Sysmon process creation and
 * file writes by IIS and Exchange workers, Security process creation (an LSASS dump through comsvcs.dll), Windows
 * Defender detections.
 * Values follow the public write-ups of those attacks; host and account names are invented.
 */
public final class EventSamples {

    public static final String COMPUTER = "EXCH01.contoso.local";
    private static final String SYSMON = "Microsoft-Windows-Sysmon";
    private static final String SYSMON_GUID = "5770385f-c22a-43e0-bf4c-06f5698ffbd9";
    private static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";
    private static final String SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";
    private static final String SECURITY_GUID = "54849625-5478-4994-a5ba-3e3b0328c30d";
    private static final String DEFENDER = "Microsoft-Windows-Windows Defender";
    private static final String DEFENDER_GUID = "11cd958a-c507-4ef3-b3f2-5fd9dfbd2c78";
    private static final String DEFENDER_CHANNEL = "Microsoft-Windows-Windows Defender/Operational";
    private static final long CLASSIC = 0x80000000000000L;
    private static final String W3WP = "c:\\windows\\system32\\inetsrv\\w3wp.exe";

    private EventSamples() {}

    /**
     * An MSExchange Management cmdlet log entry (provider MSExchange CmdletLogs, event 1 for success, 6 for
     * failure): unnamed Data with the cmdlet, its parameters, the caller and the session.
     */
    public static EvtxEvent cmdlet(Instant time, int eventId, String cmdlet, String parameters) {
        return cmdlet(time, eventId, cmdlet, parameters, "contoso.local/Users/Administrator",
                "Remote-ManagementShell-Unknown", "6892 w3wp#MSExchangePowerShellAppPool");
    }

    /**
     * A cmdlet log entry with its caller ({@code contoso.local/Users/Administrator}), the session kind
     * ({@code Remote-ManagementShell-Unknown}, {@code ECP}) and the process that ran it
     * ({@code 6892 w3wp#MSExchangePowerShellAppPool}).
     */
    public static EvtxEvent cmdlet(Instant time, int eventId, String cmdlet, String parameters, String caller,
                                   String session, String process) {
        return EvtxEvent.builder("MSExchange CmdletLogs", "MSExchange Management", eventId, time)
                .qualifiers(16384).level(eventId == 6 ? 2 : 4).task(1).keywords(CLASSIC)
                .layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML).computer(COMPUTER)
                .unnamedData(cmdlet, parameters, caller,
                        "S-1-5-21-3623811015-3361044348-30300820-500", "S-1-5-21-3623811015-3361044348-30300820-500",
                        session, process, "", "00:00:01.2031250",
                        "View Entire Forest: 'False', Default Scope: 'contoso.local', Configuration Domain Controller: 'DC01.contoso.local'",
                        "")
                .build();
    }

    /**
     * Windows Installer's event for an update of Exchange (source MsiInstaller, Application log): 1022 when it was
     * installed, {@code Product: Microsoft Exchange Server - Update '<name>' installed successfully.}, 1023 when it
     * failed, {@code ... could not be installed. Error code 1603. ...} (the wording a Microsoft Q&amp;A thread on the
     * Nov22SU quotes, learn.microsoft.com/answers/questions/1158449). The message is the first unnamed Data, the
     * other insertion strings are {@code (NULL)}, and the binary data is the product code, as MsiInstaller writes them.
     */
    public static EvtxEvent msiUpdate(Instant time, String updateName, boolean installed) {
        String message = "Product: Microsoft Exchange Server - Update '" + updateName + "' " + (installed
                ? "installed successfully." : "could not be installed. Error code 1603. Additional information is available"
                + " in the log file C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\Update\\msi\\ExchangeUpdate.log.");
        return EvtxEvent.builder("MsiInstaller", "Application", installed ? 1022 : 1023, time)
                .qualifiers(0).level(installed ? 4 : 2).keywords(CLASSIC).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML)
                .computer(COMPUTER).userSid("S-1-5-21-3623811015-3361044348-30300820-500")
                .unnamedData(message, "(NULL)", "(NULL)", "(NULL)", "(NULL)", "(NULL)", "")
                .binary("{CD981244-E9B8-405A-9026-6AEB9DCEF1F1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .build();
    }

    /**
     * Windows Installer's event 1033, a product installed (as a CU's setup installs Exchange's own package): the
     * product's name, version, language, the status (0 for success) and the manufacturer as unnamed Data, in the order
     * Artemis reads them (puffyCid/artemis, {@code msiInstalled}); the message reads {@code Windows Installer installed
     * the product. Product Name: ... Installation success or error status: 0.}
     */
    public static EvtxEvent msiProduct(Instant time, String product, String version, int status) {
        return EvtxEvent.builder("MsiInstaller", "Application", 1033, time)
                .qualifiers(0).level(status == 0 ? 4 : 2).keywords(CLASSIC).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML)
                .computer(COMPUTER).userSid("S-1-5-21-3623811015-3361044348-30300820-500")
                .unnamedData(product, version, "1033", Integer.toString(status), "Microsoft Corporation", "(NULL)", "")
                .binary("{CD981244-E9B8-405A-9026-6AEB9DCEF1F1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .build();
    }

    /** ProxyShell: a mailbox exported as a .aspx file under the web root (a web shell). */
    public static EvtxEvent mailboxExportToWebRoot(Instant time) {
        return cmdlet(time, 1, "New-MailboxExportRequest",
                "-Mailbox \"administrator@contoso.local\" -FilePath \"\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x4mfa.aspx\"");
    }

    /** ProxyShell: the role needed for mailbox exports given to the attacker's account. */
    public static EvtxEvent mailboxImportExportRoleAssignment(Instant time) {
        return cmdlet(time, 1, "New-ManagementRoleAssignment",
                "-Role \"Mailbox Import Export\" -User \"administrator@contoso.local\"");
    }

    /** ProxyLogon (CVE-2021-27065): the OAB virtual directory's ExternalUrl set to a China Chopper shell. */
    public static EvtxEvent oabVirtualDirectoryChopper(Instant time) {
        return cmdlet(time, 1, "Set-OabVirtualDirectory",
                "-Identity \"EXCH01\\OAB (Default Web Site)\" -ExternalUrl \"http://f/<script language=\"JScript\""
                        + " runat=\"server\">function Page_Load(){eval(Request[\"exec_code\"],\"unsafe\");}</script>\"");
    }

    /** CVE-2021-26857: the Unified Messaging service failing on a crafted, deserialized object. */
    public static EvtxEvent unifiedMessagingInvalidCast(Instant time) {
        return EvtxEvent.builder("MSExchange Unified Messaging", "Application", 1040, time)
                .qualifiers(49156).level(2).task(3).keywords(CLASSIC).computer(COMPUTER)
                .layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML)
                .unnamedData("UM worker process", "System.InvalidCastException: Unable to cast object of type"
                        + " 'System.Windows.Data.ObjectDataProvider' to type 'Microsoft.Exchange.UM.UMCommon.ExceptionHandling'.")
                .build();
    }

    /** Sysmon 1: IIS's Exchange worker starting a shell (a web shell in use). */
    public static EvtxEvent sysmonW3wpStartsCmd(Instant time, String commandLine) {
        return sysmonProcess(time, "C:\\Windows\\System32\\cmd.exe", commandLine, W3WP,
                W3WP + " -ap \"MSExchangeOWAAppPool\" -v \"v4.0\" -c \"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config\"",
                "NT AUTHORITY\\SYSTEM");
    }

    /** Sysmon 1: a process start with typed values as Sysmon writes them (GUIDs, integers, hex logon id). */
    public static EvtxEvent sysmonProcess(Instant time, String image, String commandLine, String parentImage,
                                          String parentCommandLine, String user) {
        return sysmonProcess(time, "0197231e-4a83-694d-9e0e-000000000800", 14144, image, "Windows Command Processor",
                "Cmd.Exe", commandLine, parentImage, parentCommandLine, user, 6892);
    }

    /**
     * Sysmon 1 with every value that tells processes apart: the process GUID and id, the program's description
     * and original file name as its version resource gives them, and the parent's id.
     */
    public static EvtxEvent sysmonProcess(Instant time, String processGuid, long processId, String image,
                                          String description, String originalFileName, String commandLine,
                                          String parentImage, String parentCommandLine, String user, long parentProcessId) {
        return sysmon(time, 1, 5, processGuid, processId, image)
                .data("FileVersion", "10.0.17763.1 (WinBuild.160101.0800)")
                .data("Description", description)
                .data("Product", "Microsoft® Windows® Operating System")
                .data("Company", "Microsoft Corporation")
                .data("OriginalFileName", originalFileName)
                .data("CommandLine", commandLine)
                .data("CurrentDirectory", "C:\\Windows\\system32\\")
                .data("User", user)
                .data("LogonGuid", EvtxValue.guid("0197231e-ab9f-67aa-e703-000000000000"))
                .data("LogonId", EvtxValue.hex64(0x3e7))
                .data("TerminalSessionId", EvtxValue.uint32(0))
                .data("IntegrityLevel", "System")
                .data("Hashes", "SHA256=F7C237A49B96FD77C047910E13F24AAC4678A0F94BABDB06643DBA63F38D48E5")
                .data("ParentProcessGuid", EvtxValue.guid("0197231e-ec48-694c-aa0c-000000000800"))
                .data("ParentProcessId", EvtxValue.uint32(parentProcessId))
                .data("ParentImage", parentImage)
                .data("ParentCommandLine", parentCommandLine)
                .data("ParentUser", "NT AUTHORITY\\SYSTEM")
                .build();
    }

    /** The System values and first EventData fields every Sysmon event shares. */
    private static EvtxEvent.Builder sysmon(Instant time, int eventId, int version, String processGuid, long processId,
                                            String image) {
        return EvtxEvent.builder(SYSMON, SYSMON_CHANNEL, eventId, time)
                .providerGuid(SYSMON_GUID).version(version).task(eventId).userSid("S-1-5-18").process(3208, 1724)
                .computer(COMPUTER)
                .data("RuleName", "-")
                .data("UtcTime", time.toString().replace('T', ' ').replace("Z", ""))
                .data("ProcessGuid", EvtxValue.guid(processGuid))
                .data("ProcessId", EvtxValue.uint32(processId))
                .data("Image", image);
    }

    /** Sysmon 11: the Unified Messaging worker writing a web shell (CVE-2021-26858). */
    public static EvtxEvent sysmonUmWorkerWritesAspx(Instant time) {
        return sysmonFileCreate(time, "0197231e-c424-69e1-c922-000000000800", 7804,
                "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\UMWorkerProcess.exe",
                "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\supp0rt.aspx");
    }

    /** Sysmon 11: a process created (or overwrote) a file. */
    public static EvtxEvent sysmonFileCreate(Instant time, String processGuid, long processId, String image,
                                             String targetFilename) {
        return sysmon(time, 11, 2, processGuid, processId, image)
                .data("TargetFilename", targetFilename)
                .data("CreationUtcTime", time.toString().replace('T', ' ').replace("Z", ""))
                .data("User", "NT AUTHORITY\\SYSTEM")
                .build();
    }

    /**
     * Sysmon 10: a process opened another with these rights ({@code 0x1fffff}, full access, is what ProcDump and
     * comsvcs.dll's MiniDump ask of lsass.exe), with the call stack Sysmon records.
     */
    public static EvtxEvent sysmonProcessAccess(Instant time, String sourceImage, long sourceProcessId, String targetImage,
                                                long targetProcessId, String grantedAccess) {
        return EvtxEvent.builder(SYSMON, SYSMON_CHANNEL, 10, time)
                .providerGuid(SYSMON_GUID).version(3).task(10).userSid("S-1-5-18").process(3208, 1724)
                .computer(COMPUTER)
                .data("RuleName", "-")
                .data("UtcTime", time.toString().replace('T', ' ').replace("Z", ""))
                .data("SourceProcessGUID", EvtxValue.guid("0197231e-5b21-69e1-d022-000000000800"))
                .data("SourceProcessId", EvtxValue.uint32(sourceProcessId))
                .data("SourceThreadId", EvtxValue.uint32(sourceProcessId + 4))
                .data("SourceImage", sourceImage)
                .data("TargetProcessGUID", EvtxValue.guid("0197231e-0a1c-69e1-0c00-000000000800"))
                .data("TargetProcessId", EvtxValue.uint32(targetProcessId))
                .data("TargetImage", targetImage)
                .data("GrantedAccess", grantedAccess)
                .data("CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2b78e"
                        + "|C:\\Windows\\System32\\comsvcs.dll+3dd4f|UNKNOWN(00000229B0C31A8B)")
                .data("SourceUser", "NT AUTHORITY\\SYSTEM")
                .data("TargetUser", "NT AUTHORITY\\SYSTEM")
                .build();
    }

    /**
     * Security 4663 (object access auditing, a SACL on the folder): a process wrote data to a file
     * ({@code %%4417}, WriteData, access mask 0x2).
     */
    public static EvtxEvent securityFileWrite(Instant time, String objectName, String processName, long processId) {
        return security(time, 4663, 12800, 4, 7412)
                .data("SubjectUserSid", EvtxValue.sid("S-1-5-18"))
                .data("SubjectUserName", "EXCH01$")
                .data("SubjectDomainName", "CONTOSO")
                .data("SubjectLogonId", EvtxValue.hex64(0x3e7))
                .data("ObjectServer", "Security")
                .data("ObjectType", "File")
                .data("ObjectName", objectName)
                .data("HandleId", EvtxValue.hex64(0x1f4))
                .data("AccessList", "%%4417\n\t\t\t\t")
                .data("AccessMask", EvtxValue.hex32(0x2))
                .data("ProcessId", EvtxValue.hex64(processId))
                .data("ProcessName", processName)
                .data("ResourceAttributes", "")
                .build();
    }

    /** Security 4688: LSASS dumped to the web root through comsvcs.dll, as HAFNIUM did. */
    public static EvtxEvent securityLsassDump(Instant time) {
        return securityProcess(time, "C:\\Windows\\System32\\rundll32.exe", "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 708"
                + " C:\\inetpub\\wwwroot\\aspnet_client\\lsass.dmp full", W3WP, 0x1a2c, 0x1aec);
    }

    /** Security 4688: a process started by the computer account (as IIS worker processes run), with its command line. */
    public static EvtxEvent securityProcess(Instant time, String newProcessName, String commandLine, String parentProcessName,
                                            long newProcessId, long parentProcessId) {
        return security(time, 4688, 13312, 4, 7412)
                .data("SubjectUserSid", EvtxValue.sid("S-1-5-18"))
                .data("SubjectUserName", "EXCH01$")
                .data("SubjectDomainName", "CONTOSO")
                .data("SubjectLogonId", EvtxValue.hex64(0x3e7))
                .data("NewProcessId", EvtxValue.hex64(newProcessId))
                .data("NewProcessName", newProcessName)
                .data("TokenElevationType", "%%1936")
                .data("ProcessId", EvtxValue.hex64(parentProcessId))
                .data("CommandLine", commandLine)
                .data("TargetUserSid", EvtxValue.sid("S-1-0-0"))
                .data("TargetUserName", "-")
                .data("TargetDomainName", "-")
                .data("TargetLogonId", EvtxValue.hex64(0))
                .data("ParentProcessName", parentProcessName)
                .data("MandatoryLabel", EvtxValue.sid("S-1-16-16384"))
                .build();
    }

    /** The System values every Security audit event shares (audit-success keywords, EventData as binary XML). */
    private static EvtxEvent.Builder security(Instant time, int eventId, int task, long processId, long threadId) {
        return EvtxEvent.builder(SECURITY_PROVIDER, "Security", eventId, time)
                .providerGuid(SECURITY_GUID).version(2).task(task).keywords(0x8020000000000000L).process(processId, threadId)
                .computer(COMPUTER).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML);
    }

    /** Security 4624: an account logged on (network logons of users and services, as a mail server sees all day). */
    public static EvtxEvent securityLogon(Instant time, String user, String domain, int logonType, String ipAddress,
                                          long logonId) {
        return security(time, 4624, 12544, 780, 4512)
                .data("SubjectUserSid", EvtxValue.sid("S-1-0-0"))
                .data("SubjectUserName", "-")
                .data("SubjectDomainName", "-")
                .data("SubjectLogonId", EvtxValue.hex64(0))
                .data("TargetUserSid", EvtxValue.sid("S-1-5-21-3623811015-3361044348-30300820-" + (1100 + (logonId % 400))))
                .data("TargetUserName", user)
                .data("TargetDomainName", domain)
                .data("TargetLogonId", EvtxValue.hex64(logonId))
                .data("LogonType", EvtxValue.uint32(logonType))
                .data("LogonProcessName", "Kerberos")
                .data("AuthenticationPackageName", "Kerberos")
                .data("WorkstationName", "-")
                .data("IpAddress", ipAddress)
                .data("IpPort", "0")
                .build();
    }

    /**
     * Windows Defender 1119, a remediation that failed (the file was in use), with the EventData names Windows
     * renders with spaces ({@code Threat Name}, {@code Process Name}, {@code Source Name}): the fields and values of
     * the event SigmaHQ's RedSun regression case holds (its JSON rendering), threat, process and path given.
     */
    public static EvtxEvent defenderRemediationFailed(Instant time, String threatName, String processName, String path) {
        return EvtxEvent.builder(DEFENDER, DEFENDER_CHANNEL, 1119, time)
                .providerGuid(DEFENDER_GUID).level(2).keywords(0x8000000000000000L).userSid("S-1-5-18")
                .process(7380, 12856).computer(COMPUTER)
                .data("Product Name", "Microsoft Defender Antivirus")
                .data("Product Version", "4.18.26030.3011")
                .data("Detection ID", "{79C5C2FF-764A-4F0D-940E-A6914A52C0F9}")
                .data("Detection Time", time.minusSeconds(25).toString())
                .data("Threat ID", "17463")
                .data("Threat Name", threatName)
                .data("Severity Name", "Severe")
                .data("Category Name", "Tool")
                .data("Status Code", "103")
                .data("Source ID", "3")
                .data("Source Name", "Real-Time Protection")
                .data("Process Name", processName)
                .data("Detection User", "CONTOSO\\administrator")
                .data("Path", "file:_" + path)
                .data("Action Name", "Quarantine")
                .data("Error Code", "0x80070020")
                .data("Error Description", "The process cannot access the file because it is being used by another process.")
                .data("Remediation User", "NT AUTHORITY\\SYSTEM")
                .build();
    }

    /**
     * An endless, repeatable mix of the events above, one second apart from {@code start}, with varying
     * values: what benchmarks write to make files of any size.
     */
    public static Iterator<EvtxEvent> mix(Instant start) {
        return new Iterator<>() {
            private long n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public EvtxEvent next() {
                if (n == Long.MAX_VALUE) throw new NoSuchElementException();
                Instant t = start.plus(Duration.ofSeconds(n));
                long i = n++;
                switch ((int) (i % 8)) {
                    case 0: case 1: case 2:
                        return sysmonW3wpStartsCmd(t, "cmd /c \"cd /d C:\\inetpub\\wwwroot\\aspnet_client&whoami /all\" " + i);
                    case 3: return sysmonUmWorkerWritesAspx(t);
                    case 4: return securityLsassDump(t);
                    case 5: return mailboxExportToWebRoot(t);
                    case 6: return unifiedMessagingInvalidCast(t);
                    default: return cmdlet(t, 1, "Get-Mailbox", "-Identity \"user" + i + "@contoso.local\"");
                }
            }
        };
    }
}
