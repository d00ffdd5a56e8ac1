package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What the attackers touched on one server, from its evidence: mailboxes exported and read, mail sent from them
 * while the attackers were active (to review), credentials they could have taken, accounts they created or changed,
 * ways back in they set up, and the conservative scope. Each item carries its times, the client addresses behind
 * it, the records it rests on and how sure it is ({@link Confidence}). Empty when nothing shows an intrusion.
 *
 * @param exports     mailboxes exported, in time order
 * @param reads       mailboxes reached by the attackers' requests, by first request
 * @param sent        mail sent from those mailboxes while the attackers were active, in time order
 * @param credentials accounts whose credentials are exposed, the surest first
 * @param accounts    accounts created or given groups, roles or permissions, in time order
 * @param persistence scheduled tasks and services created, in time order
 * @param scope       every mailbox of the server reachable from a time, or null when no row shows it
 * @param limits      what the evidence cannot tell (a log that is missing, an index that was full), in words
 */
public record Impact(List<MailboxExport> exports, List<MailboxAccess> reads, List<MailSent> sent,
                     List<CredentialExposure> credentials, List<AccountChange> accounts, List<Persistence> persistence,
                     ScopeStatement scope, List<String> limits) implements Serializable {

    /** Records named per item; the item counts the rest. */
    public static final int RECORDS_KEPT = 5;
    /** Actions named per mailbox access; more are counted as {@code other}. */
    public static final int ACTIONS_KEPT = 8;

    /** Nothing touched: a server without an intrusion, or a result made without a scan. */
    public static final Impact NONE = new Impact(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
            List.of());

    public Impact {
        exports = List.copyOf(exports);
        reads = List.copyOf(reads);
        sent = List.copyOf(sent);
        credentials = List.copyOf(credentials);
        accounts = List.copyOf(accounts);
        persistence = List.copyOf(persistence);
        limits = List.copyOf(limits);
    }

    /** Whether it names nothing touched (its limits aside). */
    public boolean none() {
        return exports.isEmpty() && reads.isEmpty() && sent.isEmpty() && credentials.isEmpty() && accounts.isEmpty()
                && persistence.isEmpty() && scope == null;
    }

    /** Every mailbox named as exported or read, once each (case ignored), sorted. */
    public List<String> mailboxes() {
        TreeMap<String, String> byKey = new TreeMap<>();
        exports.stream().map(MailboxExport::mailbox).filter(m -> m != null)
                .forEach(m -> byKey.putIfAbsent(m.toLowerCase(Locale.ROOT), m));
        reads.forEach(r -> byKey.putIfAbsent(r.mailbox().toLowerCase(Locale.ROOT), r.mailbox()));
        return List.copyOf(byKey.values());
    }
}
