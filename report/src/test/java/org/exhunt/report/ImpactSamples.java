package org.exhunt.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.AccountChange;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.MailSent;
import org.exhunt.core.facts.MailboxAccess;
import org.exhunt.core.facts.MailboxExport;
import org.exhunt.core.facts.Persistence;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ScopeStatement;
import org.exhunt.core.facts.ServerFacts;

/**
 * Two compromised servers of one estate with every kind of impact item and steps to take: the same mailbox read on
 * one (as {@code CEO@contoso.com}) and exported on the other (as {@code ceo@contoso.com}), a second mailbox read on
 * the first only; attacker-controlled text in a scheduled task's name.
 */
final class ImpactSamples {

    static final String EX1 = "EX1";
    static final String EX2 = "EX2";
    static final String HOSTILE_TASK = "\\Upd\u202Etxt.exe";
    static final Instant DUMP = Instant.parse("2021-03-03T06:11:30Z");

    private ImpactSamples() {}

    static List<ServerResult> estate() {
        Impact one = new Impact(List.of(),
                List.of(new MailboxAccess("CEO@contoso.com", "EWS", Map.of("FindItem", 2L, "GetItem", 5L), 7,
                                Instant.parse("2021-03-03T06:20:02Z"), Instant.parse("2021-03-03T06:25:00Z"), List.of("167.99.168.251"),
                                List.of("Ews_2021030300-1.LOG:22"), Confidence.SHOWN, "requests of an address that used the exploit"),
                        new MailboxAccess("cfo@contoso.com", "EWS", Map.of("GetItem", 1L), 1, Instant.parse("2021-03-03T06:21:40Z"),
                                Instant.parse("2021-03-03T06:21:40Z"), List.of("167.99.168.251"), List.of("Ews_2021030300-1.LOG:25"),
                                Confidence.LIKELY, "routed to the mailbox by the SSRF")),
                List.of(new MailSent("CEO@contoso.com", List.of("drop@mailbox.example"), "FW: board pack",
                        Instant.parse("2021-03-03T06:31:22Z"), List.of("MSGTRK2021030300-1.LOG:19"), Confidence.POSSIBLE,
                        "sent outside the organisation while the attackers were active")),
                List.of(new CredentialExposure("CONTOSO\\administrator", "logged-on-before-dump", Instant.parse("2021-03-02T08:12:40Z"),
                        Instant.parse("2021-03-02T08:12:40Z"), 1, List.of("10 RemoteInteractive"), true, "C:\\Windows\\Temp\\lsass.dmp",
                        List.of("Security.evtx@10176#5"), Confidence.LIKELY, "logged on before LSASS was dumped")),
                List.of(new AccountChange("added-to-group", "EX1\\support", "Builtin\\Administrators", "CONTOSO\\EX1$",
                        Instant.parse("2021-03-03T06:12:05Z"), List.of("Security.evtx@24656#24"), Confidence.LIKELY, "done as SYSTEM")),
                List.of(new Persistence("scheduled-task", HOSTILE_TASK, "C:\\ProgramData\\wu.exe", "CONTOSO\\EX1$",
                        Instant.parse("2021-03-03T06:12:41Z"), List.of("Security.evtx@25728#25"), Confidence.LIKELY, "done as SYSTEM")),
                new ScopeStatement(Instant.parse("2021-03-03T05:52:16Z"), "ProxyLogon success", List.of("ProxyLogon"), "EX1",
                        "Get-Mailbox -Server EX1 -ResultSize Unlimited"),
                List.of("11 network logons (type 3) are not listed as exposed"));
        Impact two = new Impact(
                List.of(new MailboxExport("ceo@contoso.com", "New-MailboxExportRequest", null, "\\\\127.0.0.1\\c$\\inetpub\\x.aspx", true,
                        Instant.parse("2021-08-21T03:13:02Z"), "contoso.local/Users/Administrator", List.of("203.0.113.99"),
                        List.of("MSExchange Management.evtx@4096#12"), Confidence.SHOWN, "the ProxyShell chain's export")),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());
        return List.of(server(EX1, one, List.of(
                        new Action(1, "contain", "Take EX1 off the internet now.", null, List.of(), "COMPROMISED: ProxyLogon",
                                List.of("https://www.cisa.gov/news-events/cybersecurity-advisories/aa21-062a")),
                        new Action(2, "reset-credentials", "Reset the credentials of CONTOSO\\administrator.", "accounts",
                                List.of("CONTOSO\\administrator"), "1 LSASS dump", List.of("https://msrc.microsoft.com/blog/2021/03/")))),
                server(EX2, two, List.of(new Action(1, "assess-mailboxes", "Assess what the mail of ceo@contoso.com holds.",
                        "mailboxes", List.of("ceo@contoso.com"), "1 mailbox exported", List.of("https://gdpr-info.eu/art-33-gdpr/")))));
    }

    private static ServerResult server(String name, Impact impact, List<Action> actions) {
        ScanFacts sample = SampleResults.scanFacts().scan();
        ScanFacts scan = new ScanFacts(sample.install(), sample.mitigations(), sample.extendedProtection(), sample.examined(),
                sample.indicators(), sample.sigma(), sample.logs(), sample.tallies(), sample.droppedPerRule(), sample.suppressed(),
                sample.timelines(), sample.patchHistory(), sample.buildTimeline(), impact);
        return new ServerResult(name, List.of("/evidence/" + name), List.of(new Verdict(name, "ProxyLogon", Exposure.VULNERABLE,
                Compromise.COMPROMISED, "shell requested")), List.of(), List.of(), new ServerFacts(null, scan, null, actions));
    }
}
