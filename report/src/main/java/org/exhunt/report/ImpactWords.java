package org.exhunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.core.IsoTime;
import org.exhunt.core.facts.AccountChange;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.MailSent;
import org.exhunt.core.facts.MailboxAccess;
import org.exhunt.core.facts.MailboxExport;
import org.exhunt.core.facts.Persistence;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.core.facts.ScopeStatement;

/**
 * A server's {@link Impact} in the words every human format shows (console, HTML, CSV timeline): one line per item,
 * under its section, with its time, how sure it is and the records it rests on. The words only; the data is in the
 * {@code impact} objects of JSON lines.
 */
final class ImpactWords {

    /** The sections, in the order the reports give them. */
    static final List<String> SECTIONS = List.of("Mailboxes exported", "Mailboxes read", "Mail to review",
            "Credentials exposed", "Accounts changed", "Ways back in", "Every mailbox on the server", "What the evidence cannot tell");

    /**
     * One item in words.
     *
     * @param section    one of {@link #SECTIONS}
     * @param subject    the mailbox, account, file or name it is about (null for the limits)
     * @param time       when (the first time for a range), or null
     * @param text       the line, naming its subject
     * @param confidence how sure, or null for the scope and the limits
     * @param records    where it was read
     */
    record Line(String section, String subject, Instant time, String text, Confidence confidence, List<String> records) {}

    private ImpactWords() {}

    /** The impact of a server's facts, or none when the result has no scan. */
    static Impact of(ServerFacts facts) {
        ScanFacts scan = facts.scan();
        return scan == null || scan.impact() == null ? Impact.NONE : scan.impact();
    }

    /** Every item of the impact, by section, each section in the impact's order. */
    static List<Line> lines(Impact i) {
        List<Line> out = new ArrayList<>();
        for (MailboxExport e : i.exports()) out.add(export(e));
        for (MailboxAccess r : i.reads()) out.add(read(r));
        for (MailSent m : i.sent()) {
            out.add(new Line(SECTIONS.get(2), m.sender(), m.time(), "from " + m.sender() + " to "
                    + String.join(", ", m.recipients()) + " at " + time(m.time())
                    + (m.subject() == null ? "" : ", subject \"" + m.subject() + "\"") + ": " + m.why(), m.confidence(),
                    m.records()));
        }
        for (CredentialExposure c : i.credentials()) {
            out.add(new Line(SECTIONS.get(3), c.account(), c.first(), c.account() + ": " + c.why(), c.confidence(), c.records()));
        }
        for (AccountChange a : i.accounts()) {
            out.add(new Line(SECTIONS.get(4), a.account(), a.time(), a.kind() + " " + a.account()
                    + (a.group() == null ? "" : " (" + a.group() + ")") + (a.by() == null ? "" : " by " + a.by())
                    + " at " + time(a.time()) + ": " + a.why(), a.confidence(), a.records()));
        }
        for (Persistence p : i.persistence()) {
            out.add(new Line(SECTIONS.get(5), p.name(), p.time(), p.kind() + " " + p.name()
                    + (p.command() == null ? "" : " running " + p.command()) + (p.by() == null ? "" : " by " + p.by())
                    + " at " + time(p.time()) + ": " + p.why(), p.confidence(), p.records()));
        }
        if (i.scope() != null) out.add(scope(i.scope()));
        for (String limit : i.limits()) out.add(new Line(SECTIONS.get(7), null, null, limit, null, List.of()));
        return out;
    }

    private static Line export(MailboxExport e) {
        String file = e.file() == null ? "" : " to " + e.file() + (e.fileOnDisk() == null ? " (on another machine)"
                : e.fileOnDisk() ? " (the file is still on disk)" : " (the file is gone)");
        return new Line(SECTIONS.get(0), e.mailbox(), e.time(), (e.mailbox() == null ? "a mailbox the log does not name" : e.mailbox())
                + " by " + e.cmdlet() + file + " at " + time(e.time()) + (e.filter() == null ? "" : ", only " + e.filter())
                + (e.by() == null ? "" : ", run by " + e.by()) + ": " + e.why(), e.confidence(), e.records());
    }

    private static Line read(MailboxAccess r) {
        String actions = r.actions().isEmpty() ? "" : " (" + r.actions().entrySet().stream()
                .map(a -> a.getKey() + " " + a.getValue()).collect(Collectors.joining(", ")) + ")";
        return new Line(SECTIONS.get(1), r.mailbox(), r.first(), r.mailbox() + " through " + r.protocol() + ": " + r.requests()
                + " request" + (r.requests() == 1 ? "" : "s") + actions + " from " + time(r.first()) + " to " + time(r.last())
                + (r.clients().isEmpty() ? "" : " by " + String.join(", ", r.clients())) + ": " + r.why(), r.confidence(),
                r.records());
    }

    private static Line scope(ScopeStatement s) {
        return new Line(SECTIONS.get(6), s.server(), s.from(), "every mailbox on " + (s.server() == null ? "the server" : s.server())
                + " was within the attackers' reach from " + (s.from() == null ? "a time the evidence does not give" : time(s.from()))
                + (s.fromWhy() == null ? "" : " (" + s.fromWhy() + ")") + "; list them with " + s.listWith(), null,
                List.of());
    }

    private static String time(Instant t) {
        return t == null ? "an unknown time" : IsoTime.format(t);
    }
}
