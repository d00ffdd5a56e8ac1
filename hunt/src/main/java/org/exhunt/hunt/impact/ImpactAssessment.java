package org.exhunt.hunt.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.MailboxAccess;
import org.exhunt.core.facts.MailboxExport;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ScopeStatement;

/**
 * What the attackers touched on one server, worked out after the verdicts from the findings (what the rows counted,
 * the attackers' addresses, the dumps) and the records kept while the logs were read ({@link ImpactIndexer}); one
 * small class per kind of impact. Nothing when the findings show no intrusion. The {@link Impact#limits()} say what the
 * evidence cannot tell: a log that is missing, an index that was full.
 */
public final class ImpactAssessment {

    private ImpactAssessment() {}

    /**
     * @param findings  the server's findings after the verdicts (chains linked, dumps merged)
     * @param timelines the rows' timelines (the clients of each file left behind)
     * @param logs      what the logs of each type cover
     * @param onDisk    whether a local path, lower case ({@code c:\inetpub\...}), is a file of the evidence
     */
    public static Impact of(List<Finding> findings, List<Verdict> verdicts, List<RowTimeline> timelines,
                            List<LogCoverage> logs, ImpactIndexer index, Predicate<String> onDisk) {
        Intrusion intrusion = Intrusion.of(findings, verdicts, timelines);
        if (intrusion == null) return Impact.NONE;
        String host = index.windows.host();
        List<CmdletLog.Run> runs = index.cmdlets.runs();
        List<WindowsEvents.Event> events = index.windows.events();
        List<MailboxExport> exports = MailboxExports.of(intrusion, runs, onDisk, host);
        MailboxReads reads = new MailboxReads(intrusion, index.requests);
        List<CredentialExposures.Dump> dumps = CredentialExposures.dumps(intrusion);
        List<CredentialExposure> credentials = CredentialExposures.of(dumps, index.windows, reads.used());
        ScopeStatement scope = ConservativeScope.of(intrusion, host);
        Impact partial = new Impact(exports, reads.reads(), List.of(), credentials, List.of(), List.of(), scope, List.of());
        List<String> mailboxes = partial.mailboxes();
        List<String> limits = limits(intrusion, logs, index, dumps, mailboxes, reads.reads());
        return new Impact(exports, reads.reads(), MailToReview.of(intrusion, mailboxes, index.mail.sent()), credentials,
                AccountChanges.of(intrusion, events, runs), PersistenceFound.of(intrusion, events), scope, limits);
    }

    private static List<String> limits(Intrusion intrusion, List<LogCoverage> logs, ImpactIndexer index,
                                       List<CredentialExposures.Dump> dumps, List<String> mailboxes,
                                       List<MailboxAccess> reads) {
        List<String> out = new ArrayList<>();
        if (!has(logs, "exchange-ews")) {
            out.add("No EWS logs (Logging\\EWS) in the evidence: which mailboxes the attackers read through EWS, as"
                    + " ProxyLogon's intruders did, cannot be told" + (reads.isEmpty() ? "" : " beyond the requests listed"));
        }
        if (!dumps.isEmpty() && index.windows.securityRecords() == 0) {
            out.add("LSASS was dumped, but the Security log is not in the evidence: the accounts that logged on before the"
                    + " dump cannot be listed; take every account that logged on to the server since its last restart as"
                    + " exposed");
        }
        if (!dumps.isEmpty() && index.windows.networkLogons() > 0) {
            out.add(index.windows.networkLogons() + " network logons (type 3) are not listed as exposed: they leave no"
                    + " reusable credentials in LSASS (Microsoft, \"Administrative tools and logon types\"), unless the"
                    + " account is trusted for delegation");
        }
        if (!mailboxes.isEmpty() && !has(logs, "exchange-messagetracking")) {
            out.add("No Message Tracking logs in the evidence: mail sent from the mailboxes the attackers reached cannot be"
                    + " listed");
        }
        dropped(out, index.requests.dropped(), "requests naming a mailbox or an account were not indexed (the index holds "
                + Limits.IMPACT_REQUEST_SUMMARIES + " client, protocol and mailbox summaries): mailbox reads may be missing");
        dropped(out, index.cmdlets.dropped(), "cmdlets that export mailboxes or give roles were not kept (past "
                + Limits.IMPACT_EVENTS + "): exports may be missing");
        dropped(out, index.windows.eventsDropped(), "account, task and service events were not kept (past "
                + Limits.IMPACT_EVENTS + "): account changes and persistence may be missing");
        dropped(out, index.windows.logonsDropped(), "logons of accounts past the first " + Limits.IMPACT_LOGON_ACCOUNTS
                + " were not kept: exposed credentials may be missing");
        dropped(out, index.mail.dropped(), "messages sent out were not kept (past " + Limits.IMPACT_MAIL_PER_SENDER_DAY
                + " per sender and day, or " + Limits.IMPACT_OUTBOUND_MAIL + " in all): mail to review may be missing");
        if (intrusion.first() != null && !intrusion.evidence().stream().anyMatch(Intrusion::fromLog)) {
            out.add("No evidence of the intrusion in the logs, only files: the times given are the files' modification"
                    + " times, and reads, exports and logons are selected from them");
        }
        return out;
    }

    private static boolean has(List<LogCoverage> logs, String type) {
        return logs.stream().anyMatch(c -> c.type().equals(type) && c.records() > 0);
    }

    private static void dropped(List<String> out, long n, String what) {
        if (n > 0) out.add(n + " " + what);
    }
}
