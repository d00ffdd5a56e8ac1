package org.exhunt.hunt.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.Rows;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.AccountChange;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.MailSent;
import org.exhunt.core.facts.MailboxAccess;
import org.exhunt.core.facts.MailboxExport;
import org.exhunt.core.facts.Persistence;
import org.junit.jupiter.api.Test;

/**
 * What the attackers touched, from an intrusion's findings and the records kept while the logs were read: each kind of
 * impact takes exactly the records of the attackers, of the intrusion's time, or before the dump, and nothing else.
 */
class ImpactAssessmentTest {

    private static final Instant T = Instant.parse("2021-03-03T05:52:16.830Z");
    private static final String ATTACKER = "167.99.168.251";
    private static final String SCANNER = "104.140.114.110";

    private final ImpactIndexer index = new ImpactIndexer();
    private final List<Finding> findings = new ArrayList<>();
    private int line;

    @Test
    void nothingWhenNoRowShowsAnIntrusionWhateverTheLogsHold() {
        everydayRecords();
        observe(security("4720", T.plusSeconds(60), "TargetUserName", "newhire", "TargetDomainName", "CONTOSO",
                "SubjectUserName", "admin", "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-21-1-2-3-500"));

        assertThat(assess(List.of(verdict(Rows.PROXYLOGON, Compromise.CLEAN)))).isEqualTo(Impact.NONE);
    }

    @Test
    void theAttackersRequestsNameTheMailboxesTheyReadAndTheAccountsTheyUsed() {
        intrusion();
        everydayRecords();
        // the SSRF reads: the EWS log names the mailbox, as impersonated or authenticated
        observe(ews(T.plusSeconds(600), ATTACKER, "ceo@contoso.com", null, "FindItem"));
        observe(ews(T.plusSeconds(601), ATTACKER, "ceo@contoso.com", null, "GetItem"));
        observe(ews(T.plusSeconds(602), ATTACKER, "ceo@contoso.com", null, "GetItem"));
        observe(ews(T.plusSeconds(700), ATTACKER, "NT AUTHORITY\\SYSTEM", "cfo@contoso.com", "GetAttachment"));
        observe(httpProxy(T.plusSeconds(800), ATTACKER, "Ews", "Smtp~hr@contoso.com", ""));
        // the scanner, seen only attempting, also read a mailbox with a user's password
        observe(iis(T.plusSeconds(900), SCANNER, "/owa/service.svc", "action=GetItem&ID=-1", "CONTOSO\\bob", "200"));
        observe(iis(T.plusSeconds(901), SCANNER, "/ecp/default.aspx", "", "CONTOSO\\bob", "500"));

        Impact impact = assess(compromised());

        assertThat(impact.reads()).extracting(MailboxAccess::mailbox, MailboxAccess::protocol, MailboxAccess::requests,
                MailboxAccess::confidence).containsExactly(
                tuple("ceo@contoso.com", "EWS", 3L, Confidence.SHOWN),
                tuple("cfo@contoso.com", "EWS", 1L, Confidence.SHOWN),
                tuple("hr@contoso.com", "EWS", 1L, Confidence.SHOWN),
                tuple("CONTOSO\\bob", "OWA", 1L, Confidence.LIKELY));
        MailboxAccess ceo = impact.reads().get(0);
        assertThat(ceo.actions()).containsExactly(Map.entry("FindItem", 1L), Map.entry("GetItem", 2L));
        assertThat(ceo.first()).isEqualTo(T.plusSeconds(600));
        assertThat(ceo.last()).isEqualTo(T.plusSeconds(602));
        assertThat(ceo.clients()).containsExactly(ATTACKER);
        assertThat(ceo.records()).hasSize(2).allMatch(r -> r.startsWith("Ews.LOG:"));
        assertThat(impact.reads().get(3).actions()).containsExactly(Map.entry("GetItem", 1L));
        assertThat(impact.mailboxes()).containsExactly("ceo@contoso.com", "cfo@contoso.com", "CONTOSO\\bob", "hr@contoso.com");
        assertThat(impact.credentials()).filteredOn(c -> c.how().equals(MailboxReads.USED_BY_ATTACKER))
                .extracting(CredentialExposure::account, CredentialExposure::count, CredentialExposure::confidence)
                .containsExactly(tuple("CONTOSO\\bob", 2L, Confidence.SHOWN));
    }

    @Test
    void anLsassDumpExposesTheComputerAccountAndTheAccountsThatLoggedOnBeforeItSoThatCredentialsStayInLsass() {
        intrusion();
        everydayRecords();
        Instant dump = T.plusSeconds(1200);
        findings.add(dumpFinding(dump));
        observe(security("4624", T.minus(Duration.ofDays(1)), "TargetUserName", "administrator", "TargetDomainName", "CONTOSO",
                "TargetUserSid", "S-1-5-21-1-2-3-500", "LogonType", "10"));
        observe(security("4672", T.minus(Duration.ofDays(1)), "SubjectUserName", "administrator", "SubjectDomainName", "CONTOSO"));
        observe(security("4624", T.minusSeconds(7200), "TargetUserName", "svc-backup", "TargetDomainName", "CONTOSO",
                "TargetUserSid", "S-1-5-21-1-2-3-1105", "LogonType", "5"));
        observe(security("4648", T.minusSeconds(3600), "TargetUserName", "da-jsmith", "TargetDomainName", "CONTOSO",
                "SubjectUserName", "administrator", "SubjectDomainName", "CONTOSO"));
        observe(security("4624", dump.plusSeconds(60), "TargetUserName", "helpdesk", "TargetDomainName", "CONTOSO",
                "TargetUserSid", "S-1-5-21-1-2-3-1200", "LogonType", "2"));
        observe(security("4624", T.minusSeconds(60), "TargetUserName", "EXCH01$", "TargetDomainName", "CONTOSO",
                "TargetUserSid", "S-1-5-18", "LogonType", "5"));

        Impact impact = assess(compromised());

        assertThat(impact.credentials()).extracting(CredentialExposure::account, CredentialExposure::how,
                CredentialExposure::privileged, CredentialExposure::confidence).containsExactly(
                tuple("CONTOSO\\EXCH01$", CredentialExposures.COMPUTER_ACCOUNT, false, Confidence.SHOWN),
                tuple("CONTOSO\\administrator", CredentialExposures.LOGGED_ON, true, Confidence.LIKELY),
                tuple("CONTOSO\\svc-backup", CredentialExposures.LOGGED_ON, false, Confidence.LIKELY),
                tuple("CONTOSO\\da-jsmith", CredentialExposures.LOGGED_ON, false, Confidence.LIKELY));
        assertThat(impact.credentials()).allMatch(c -> "C:\\Windows\\Temp\\lsass.dmp".equals(c.dump()));
        assertThat(impact.credentials().get(1).logonTypes()).containsExactly("10 RemoteInteractive");
        assertThat(impact.credentials().get(3).logonTypes()).containsExactly("explicit credentials (4648)");
        assertThat(impact.limits()).anyMatch(l -> l.startsWith("2 network logons (type 3) are not listed"));
    }

    @Test
    void withoutTheSecurityLogTheDumpStillExposesTheComputerAccountAndSaysWhatCannotBeTold() {
        intrusion();
        findings.add(dumpFinding(T.plusSeconds(1200)));
        observe(MapRecord.withRepeats("evtx", Map.of("Channel", List.of("MSExchange Management"), "EventID", List.of("1"),
                "Computer", List.of("EXCH01.contoso.local"), "Data", List.of("Get-Mailbox", "")), "", T, src("m.evtx")));

        Impact impact = assess(compromised());

        assertThat(impact.credentials()).extracting(CredentialExposure::account).containsExactly("EXCH01$");
        assertThat(impact.limits()).anyMatch(l -> l.contains("the Security log is not in the evidence"));
    }

    @Test
    void exportsDuringTheIntrusionAreListedWithTheirFileAndWhetherItIsStillOnDisk() {
        intrusion();
        everydayRecords();
        observe(management(T.minus(Duration.ofDays(2)), "New-MailboxExportRequest",
                "-Mailbox \"alice@contoso.com\" -FilePath \"\\\\FS01\\pst$\\alice.pst\""));
        Record web = management(T.plusSeconds(3600), "New-MailboxExportRequest", "-Mailbox \"ceo@contoso.com\" -ContentFilter"
                + " \"(Subject -eq 'x')\" -FilePath \"\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx\"");
        observe(web);
        observe(management(T.plusSeconds(3700), "New-MailboxExportRequest", "-Mailbox \"cfo@contoso.com\""
                + " -FilePath \"\\\\EXCH01\\c$\\Exports\\cfo.pst\""));
        observe(rps(T.plusSeconds(7200), "New-ComplianceSearch", "-Name \"s1\" -ExchangeLocation \"hr@contoso.com\",\"it@contoso.com\""
                + " -ContentMatchQuery \"password\""));
        observe(rps(T.plusSeconds(7260), "New-ComplianceSearchAction", "-SearchName \"s1\" -Export -Format \"FxStream\""));
        observe(rps(T.plusSeconds(7300), "Search-Mailbox", "-Identity \"legal@contoso.com\" -SearchQuery \"merger\""
                + " -TargetMailbox \"temp@contoso.com\" -TargetFolder \"x\""));
        observe(rps(T.plusSeconds(7400), "Get-Mailbox", "-ResultSize Unlimited"));

        Impact impact = assess(compromised(), p -> p.equals("c:\\inetpub\\wwwroot\\aspnet_client\\x.aspx"));

        assertThat(impact.exports()).extracting(MailboxExport::mailbox, MailboxExport::cmdlet, MailboxExport::fileOnDisk,
                MailboxExport::confidence).containsExactly(
                tuple("ceo@contoso.com", "New-MailboxExportRequest", true, Confidence.SHOWN),
                tuple("cfo@contoso.com", "New-MailboxExportRequest", false, Confidence.LIKELY),
                tuple("hr@contoso.com", "New-ComplianceSearchAction", null, Confidence.LIKELY),
                tuple("it@contoso.com", "New-ComplianceSearchAction", null, Confidence.LIKELY),
                tuple("legal@contoso.com", "Search-Mailbox", null, Confidence.LIKELY));
        MailboxExport ceo = impact.exports().get(0);
        assertThat(ceo.file()).isEqualTo("\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx");
        assertThat(ceo.filter()).isEqualTo("content (Subject -eq 'x')");
        assertThat(ceo.time()).isEqualTo(T.plusSeconds(3600));
        assertThat(ceo.clients()).containsExactly(ATTACKER);
        assertThat(ceo.records()).containsExactly(web.source().toString());
        assertThat(impact.exports().get(2).filter()).isEqualTo("password");
        assertThat(impact.exports().get(4).file()).isEqualTo("mailbox temp@contoso.com\\x");
    }

    @Test
    void accountsAndWaysBackInSinceTheFirstExploitWithHowSureEachIs() {
        intrusion();
        observe(security("4720", T.minus(Duration.ofDays(3)), "TargetUserName", "newhire", "TargetDomainName", "CONTOSO",
                "SubjectUserName", "admin", "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-21-1-2-3-500"));
        observe(security("4720", T.plusSeconds(1800), "TargetUserName", "support", "TargetDomainName", "EXCH01",
                "SubjectUserName", "EXCH01$", "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-18"));
        observe(security("4732", T.plusSeconds(1801), "MemberName", "-", "MemberSid", "S-1-5-21-9-9-9-1001",
                "TargetUserName", "Administrators", "TargetDomainName", "Builtin", "SubjectUserName", "EXCH01$",
                "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-18"));
        observe(security("4728", T.plusSeconds(5000), "MemberName", "CN=jdoe,CN=Users,DC=contoso,DC=local",
                "TargetUserName", "Domain Admins", "TargetDomainName", "CONTOSO", "SubjectUserName", "admin",
                "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-21-1-2-3-500"));
        observe(security("4698", T.plusSeconds(1900), "TaskName", "\\Microsoft\\Windows\\Updater", "TaskContent",
                "<Task><Actions><Exec><Command>C:\\ProgramData\\u.exe</Command><Arguments>-q</Arguments></Exec></Actions></Task>",
                "SubjectUserName", "EXCH01$", "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-18"));
        observe(event("System", "7045", T.plusSeconds(2000), "ServiceName", "WinSvcHost", "ImagePath", "C:\\Windows\\t.exe",
                "AccountName", "LocalSystem", "Security_UserID", "S-1-5-21-1-2-3-500"));
        observe(event("System", "7045", T.minus(Duration.ofDays(1)), "ServiceName", "Backup Agent", "ImagePath", "C:\\b.exe",
                "AccountName", "LocalSystem"));
        observe(event("Microsoft-Windows-TaskScheduler/Operational", "106", T.plusSeconds(2100), "TaskName", "\\Sync",
                "UserContext", "CONTOSO\\admin"));
        Record role = ecp(T.plusSeconds(2200), "New-ManagementRoleAssignment.Role='Mailbox Import Export'.User='support'");
        observe(role);
        findings.add(finding(Rows.PROXYLOGON, Stage.SUCCESS, T.plusSeconds(2200), role.source(), null));

        Impact impact = assess(compromised());

        assertThat(impact.accounts()).extracting(AccountChange::kind, AccountChange::account, AccountChange::group,
                AccountChange::confidence).containsExactly(
                tuple("created", "EXCH01\\support", null, Confidence.LIKELY),
                tuple("added-to-group", "S-1-5-21-9-9-9-1001", "Builtin\\Administrators", Confidence.LIKELY),
                tuple("role-assigned", "support", "Mailbox Import Export", Confidence.SHOWN),
                tuple("added-to-group", "jdoe", "CONTOSO\\Domain Admins", Confidence.POSSIBLE));
        assertThat(impact.persistence()).extracting(Persistence::kind, Persistence::name, Persistence::command,
                Persistence::confidence).containsExactly(
                tuple("scheduled-task", "\\Microsoft\\Windows\\Updater", "C:\\ProgramData\\u.exe -q", Confidence.LIKELY),
                tuple("service", "WinSvcHost", "C:\\Windows\\t.exe", Confidence.POSSIBLE),
                tuple("scheduled-task", "\\Sync", null, Confidence.POSSIBLE));
    }

    @Test
    void mailSentOutFromAReachedMailboxWhileTheAttackersWereActiveIsToReview() {
        intrusion();
        observe(ews(T.plusSeconds(600), ATTACKER, "CONTOSO\\ceo", null, "GetItem"));
        observe(trackingSend(T.plusSeconds(900), "ceo@contoso.com", "drop@evil.example;bob@contoso.com", "Q1 board pack"));
        observe(trackingSend(T.plusSeconds(950), "ceo@contoso.com", "bob@contoso.com", "internal"));
        observe(trackingSend(T.plusSeconds(960), "alice@contoso.com", "partner@example.net", "not reached"));
        observe(trackingSend(T.minusSeconds(36_000), "ceo@contoso.com", "partner@example.net", "before the first attempt"));
        observe(trackingSend(T.plus(Duration.ofDays(3)), "ceo@contoso.com", "partner@example.net", "long after"));

        Impact impact = assess(compromised());

        assertThat(impact.sent()).extracting(MailSent::sender, MailSent::recipients, MailSent::subject, MailSent::confidence)
                .containsExactly(tuple("ceo@contoso.com", List.of("drop@evil.example"), "Q1 board pack", Confidence.POSSIBLE));
    }

    @Test
    void theConservativeScopeStartsAtTheFirstSuccessAndNamesHowToListTheMailboxes() {
        intrusion();
        observe(security("4624", T.minusSeconds(5), "TargetUserName", "x", "TargetDomainName", "CONTOSO", "LogonType", "3",
                "Computer", "EXCH01.contoso.local"));

        Impact impact = assess(compromised());

        assertThat(impact.scope()).isNotNull();
        assertThat(impact.scope().from()).isEqualTo(T);
        assertThat(impact.scope().rows()).containsExactly(Rows.PROXYLOGON);
        assertThat(impact.scope().listWith()).isEqualTo("Get-Mailbox -Server EXCH01 -ResultSize Unlimited");
        assertThat(assess(List.of(verdict(Rows.PROXYLOGON, Compromise.ATTEMPTED))).scope()).as("attempts alone").isNull();
        assertThat(assess(List.of(verdict(Rows.CVE_2021_33766, Compromise.COMPROMISED))).scope()).as("ProxyToken").isNull();
    }

    @Test
    void requestsPastTheCapAreCountedAndSaid() {
        intrusion();
        for (int i = 0; i <= Limits.IMPACT_REQUEST_SUMMARIES; i++) {
            observe(ews(T.plusSeconds(i), "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "u" + i + "@contoso.com",
                    null, "GetItem"));
        }
        observe(ews(T.plusSeconds(600), ATTACKER, "ceo@contoso.com", null, "GetItem"));

        Impact impact = assess(compromised());

        assertThat(index.requests.dropped()).isEqualTo(2);
        assertThat(impact.limits()).anyMatch(l -> l.startsWith("2 requests naming a mailbox or an account were not indexed"));
    }

    // ---- the intrusion: a scanner's attempt, the attacker's success ----

    private void intrusion() {
        findings.add(finding(Rows.PROXYLOGON, Stage.ATTEMPT, T.minusSeconds(28_000), src("u_ex210302.log"), SCANNER));
        findings.add(finding(Rows.PROXYLOGON, Stage.SUCCESS, T, src("HttpProxy.LOG"), ATTACKER));
    }

    /** Records of ordinary users, which no impact may name. */
    private void everydayRecords() {
        observe(ews(T.plusSeconds(30), "10.1.2.3", "alice@contoso.com", null, "GetItem"));
        observe(iis(T.plusSeconds(40), "10.1.2.4", "/owa/", "", "CONTOSO\\carol", "200"));
        observe(security("4624", T.minusSeconds(100), "TargetUserName", "erin", "TargetDomainName", "CONTOSO",
                "TargetUserSid", "S-1-5-21-1-2-3-1438", "LogonType", "3"));
        observe(security("4624", T.minusSeconds(90), "TargetUserName", "frank", "TargetDomainName", "CONTOSO",
                "TargetUserSid", "S-1-5-21-1-2-3-1439", "LogonType", "3"));
        observe(security("4688", T.minusSeconds(80), "SubjectUserSid", "S-1-5-18", "SubjectUserName", "EXCH01$",
                "SubjectDomainName", "CONTOSO", "NewProcessName", "C:\\Windows\\csc.exe"));
    }

    private List<Verdict> compromised() {
        return List.of(verdict(Rows.PROXYLOGON, Compromise.COMPROMISED), verdict(Rows.POST_EXPLOITATION, Compromise.CLEAN));
    }

    private Impact assess(List<Verdict> verdicts) {
        return assess(verdicts, p -> false);
    }

    private Impact assess(List<Verdict> verdicts, java.util.function.Predicate<String> onDisk) {
        List<LogCoverage> logs = List.of(new LogCoverage("exchange-ews", 1, 1, 0, T, T, List.of()),
                new LogCoverage("exchange-messagetracking", 1, 1, 0, T, T, List.of()));
        return ImpactAssessment.of(findings, verdicts, List.of(), logs, index, onDisk);
    }

    private static Verdict verdict(String row, Compromise c) {
        return new Verdict("EXCH01", row, Exposure.VULNERABLE, c, "why");
    }

    private static Finding finding(String chain, Stage stage, Instant time, SourceRef source, String clientIp) {
        Finding.Builder b = Finding.builder("sigma", chain + "-" + stage).title(chain + " " + stage).severity(Severity.HIGH)
                .chain(chain).stage(stage).time(time).source(source);
        if (clientIp != null) b.evidence("ClientIpAddress", clientIp);
        return b.build();
    }

    private static Finding dumpFinding(Instant commandTime) {
        Finding command = Finding.builder("sigma", "comsvcs").title("comsvcs MiniDump").severity(Severity.CRITICAL)
                .stage(Stage.POST_EXPLOITATION).tag("attack.t1003.001").time(commandTime)
                .source(SourceRef.record("Sysmon.evtx", "40")).build();
        return Finding.builder("file", "exhunt.file.lsass-dump").title("LSASS memory dump").severity(Severity.CRITICAL)
                .stage(Stage.POST_EXPLOITATION).tag("attack.t1003.001").evidence("path", "C:\\Windows\\Temp\\lsass.dmp")
                .time(commandTime.plus(Duration.ofDays(600))).source(SourceRef.file("Windows/Temp/lsass.dmp")).link(command)
                .build();
    }

    // ---- records as the readers give them ----

    private void observe(Record r) {
        index.observe(r);
    }

    private SourceRef src(String file) {
        return SourceRef.line(file, ++line);
    }

    private Record ews(Instant t, String ip, String user, String impersonated, String action) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("AuthenticatedUser", user, "ClientIpAddress", ip, "SoapAction", action,
                "HttpStatus", "200"));
        if (impersonated != null) f.put("ImpersonatedUser", impersonated);
        return new MapRecord("exchange-ews", f, "", t, src("Ews.LOG"));
    }

    private Record httpProxy(Instant t, String ip, String protocol, String anchor, String user) {
        return new MapRecord("exchange-httpproxy", Map.of("ClientIpAddress", ip, "Protocol", protocol, "AnchorMailbox", anchor,
                "AuthenticatedUser", user, "UrlStem", "/EWS/Exchange.asmx", "HttpStatus", "200"), "", t, src("HttpProxy.LOG"));
    }

    private Record iis(Instant t, String ip, String stem, String query, String user, String status) {
        return new MapRecord("iis", Map.of("c-ip", ip, "cs-uri-stem", stem, "cs-uri-query", query, "cs-username", user,
                "sc-status", status), "", t, src("u_ex.log"));
    }

    private Record security(String id, Instant t, String... fields) {
        return event("Security", id, t, fields);
    }

    private Record event(String channel, String id, Instant t, String... fields) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("Channel", channel, "EventID", id));
        for (int i = 0; i < fields.length; i += 2) f.put(fields[i], fields[i + 1]);
        f.putIfAbsent("Computer", "EXCH01.contoso.local");
        return new MapRecord("evtx", f, "", t, SourceRef.record(channel + ".evtx", Integer.toString(++line)));
    }

    private Record management(Instant t, String cmdlet, String parameters) {
        return MapRecord.withRepeats("evtx", Map.of("Channel", List.of("MSExchange Management"), "EventID", List.of("1"),
                "Data", List.of(cmdlet, parameters, "contoso.local/Users/Administrator")), "", t,
                SourceRef.record("MSExchange Management.evtx", Integer.toString(++line)));
    }

    private Record rps(Instant t, String cmdlet, String parameters) {
        return new MapRecord("exchange-rps", Map.of("Cmdlet", cmdlet, "Parameters", parameters, "AuthenticatedUser",
                "CONTOSO\\mallory.admin", "ExecutionResult", "Success"), "", t, src("Rps_Cmdlet.LOG"));
    }

    private Record ecp(Instant t, String command) {
        return new MapRecord("exchange-ecp-server", Map.of("CMD", command), "", t, src("ECPServer.LOG"));
    }

    private Record trackingSend(Instant t, String sender, String recipients, String subject) {
        return new MapRecord("exchange-messagetracking", Map.of("event-id", "SEND", "sender-address", sender,
                "recipient-address", recipients, "message-subject", subject), "", t, src("MSGTRK.LOG"));
    }
}
