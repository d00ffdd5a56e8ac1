package org.exhunt.hunt.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.MailboxAccess;

/**
 * The attackers' own requests, from the requests kept while the logs were read ({@link RequestLog}): per mailbox and
 * protocol that carries mail, the requests by the attackers' addresses that acted on it ({@link MailboxAccess}); per
 * account the front end authenticated them as, whose password or session they used ({@link CredentialExposure},
 * {@code used-by-attacker}).
 */
final class MailboxReads {

    static final String USED_BY_ATTACKER = "used-by-attacker";

    /** What is gathered for one mailbox or account. */
    private static final class Gathered {
        final String name;
        final TreeSet<String> clients = new TreeSet<>();
        final Map<String, Long> actions = new TreeMap<>();
        final long[] perLog = new long[RequestLog.Log.values().length];
        long answered;
        Instant first;
        Instant last;
        SourceRef firstSource;
        SourceRef lastSource;
        boolean sure;

        Gathered(String name) {
            this.name = name;
        }

        void add(String client, RequestLog.Summary s, boolean sureClient) {
            clients.add(client);
            for (RequestLog.Log log : RequestLog.Log.values()) perLog[log.ordinal()] += s.requests(log);
            answered += s.answered();
            sure |= sureClient;
            s.actions().forEach((a, n) -> {
                String action = actions.containsKey(a) || actions.size() < Impact.ACTIONS_KEPT ? a : "other";
                actions.merge(action, n, Long::sum);
            });
            if (first == null || s.first().isBefore(first)) {
                first = s.first();
                firstSource = s.firstSource();
            }
            if (last == null || s.last().isAfter(last)) {
                last = s.last();
                lastSource = s.lastSource();
            }
        }

        /** The requests, in the log that shows the most of them: one request is in IIS, HttpProxy and EWS logs alike. */
        long requests() {
            long max = 0;
            for (long n : perLog) max = Math.max(max, n);
            return max;
        }

        List<String> records() {
            List<String> out = new ArrayList<>();
            out.add(firstSource.toString());
            if (!lastSource.equals(firstSource)) out.add(lastSource.toString());
            return out;
        }
    }

    private final List<MailboxAccess> reads = new ArrayList<>();
    private final List<CredentialExposure> used = new ArrayList<>();

    MailboxReads(Intrusion intrusion, RequestLog requests) {
        Map<String, Gathered> byMailbox = new LinkedHashMap<>();
        Map<String, Gathered> byUser = new LinkedHashMap<>();
        for (Map.Entry<RequestLog.Key, RequestLog.Summary> e : requests.from(intrusion.addresses())) {
            RequestLog.Key k = e.getKey();
            Intrusion.Attacker a = intrusion.attacker(k.client());
            boolean sure = a.succeeded() || a.usedShell();
            if (k.mailbox() != null && Protocols.MAIL.contains(k.protocol())) {
                byMailbox.computeIfAbsent(Text.key(k.mailbox()) + "|" + k.protocol(), x -> new Gathered(k.mailbox()))
                        .add(k.client(), e.getValue(), sure);
            }
            if (k.user() != null) {
                byUser.computeIfAbsent(Text.key(k.user()), x -> new Gathered(k.user())).add(k.client(), e.getValue(), sure);
            }
        }
        byMailbox.forEach((key, g) -> reads.add(new MailboxAccess(g.name, key.substring(key.lastIndexOf('|') + 1), g.actions,
                g.requests(), g.first, g.last, List.copyOf(g.clients), g.records(),
                g.sure ? Confidence.SHOWN : Confidence.LIKELY, why(intrusion, g, "requests acting on it"))));
        reads.sort(Comparator.comparing(MailboxAccess::first).thenComparing(MailboxAccess::mailbox));
        byUser.forEach((key, g) -> used.add(new CredentialExposure(g.name, USED_BY_ATTACKER, g.first, g.last, g.requests(),
                List.of(), false, null, g.records(), g.answered > 0 ? Confidence.SHOWN : Confidence.LIKELY,
                why(intrusion, g, "requests authenticated as this account") + (g.answered > 0 ? ""
                        : "; none was answered with success, but the front end logs a user only once it has authenticated"))));
        used.sort(Comparator.comparing(CredentialExposure::first).thenComparing(CredentialExposure::account));
    }

    private static String why(Intrusion intrusion, Gathered g, String what) {
        List<String> roles = new ArrayList<>();
        for (String client : g.clients) roles.add(client + " (" + intrusion.attacker(client).role() + ")");
        return g.requests() + " " + what + " from " + String.join(", ", roles);
    }

    List<MailboxAccess> reads() { return reads; }

    /** The accounts the attackers' requests authenticated as. */
    List<CredentialExposure> used() { return used; }
}
