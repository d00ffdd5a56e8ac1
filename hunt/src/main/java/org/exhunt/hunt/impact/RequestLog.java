package org.exhunt.hunt.impact;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.Impact;

/**
 * The web requests that name a mailbox or an account, kept compact while the logs are read: per client address,
 * protocol, mailbox and user, how many (per log: the same request is in IIS, HttpProxy and EWS logs), how many were
 * answered with success, the first and the last (with where they were read) and the actions named. Which addresses
 * are the attackers' is known only after the pass; this keeps what the selection needs, at most
 * {@link Limits#IMPACT_REQUEST_SUMMARIES} summaries, and counts the requests past that.
 *
 * <p>The mailbox of a request: EWS's impersonated, act-as or authenticated user (the back end's log); HttpProxy's
 * {@code AnchorMailbox} when it is {@code Smtp~} or {@code Sid~}; OWA's explicit logon path ({@code /owa/ceo@contoso.com/});
 * else the front end's authenticated user for the protocols that carry mail. The user: the front end's authenticated
 * user (IIS {@code cs-username}, HttpProxy {@code AuthenticatedUser}), whose password or session the request used.
 *
 * <p>The requests of a server's other logs, read on another machine, join these ({@link #absorb}) while no cap is
 * reached; past one, what is kept depends on the order the requests came in.
 */
final class RequestLog implements Serializable {

    /** The logs a request is seen in. */
    enum Log { IIS, HTTPPROXY, EWS }

    /** What a summary is about. */
    record Key(String client, String protocol, String mailbox, String user) implements Serializable {}

    /** The requests of one {@link Key}. */
    static final class Summary extends TimeSpan {
        private final long[] perLog = new long[Log.values().length];
        private long answered;
        private final Map<String, Long> actions = new TreeMap<>();

        /** The requests seen in one log. */
        long requests(Log log) {
            return perLog[log.ordinal()];
        }

        /** Requests answered with a 2xx or 3xx status. */
        long answered() { return answered; }
        Map<String, Long> actions() { return actions; }

        private void add(Log log, String action, String status, Instant time, SourceRef source) {
            perLog[log.ordinal()]++;
            if (status != null && status.length() == 3 && (status.charAt(0) == '2' || status.charAt(0) == '3')) answered++;
            seen(time, source);
            if (action != null) {
                String a = actions.containsKey(action) || actions.size() < Impact.ACTIONS_KEPT ? action : "other";
                actions.merge(a, 1L, Long::sum);
            }
        }

        /**
         * Whether joining another summary of the same key (null for none) keeps what one summary of all their requests
         * would: every action named, as neither nor both together name more than {@link Impact#ACTIONS_KEPT}.
         */
        private boolean joinsExactly(Summary other) {
            return Caps.unionFits(actions.keySet(), other == null ? Set.of() : other.actions.keySet(), Impact.ACTIONS_KEPT);
        }

        private void join(Summary other) {
            for (int i = 0; i < perLog.length; i++) perLog[i] += other.perLog[i];
            answered += other.answered;
            seen(other);
            other.actions.forEach((a, n) -> actions.merge(a, n, Long::sum));
        }
    }

    private final Map<Key, Summary> summaries = new HashMap<>();
    private long dropped;
    private final long[] records = new long[Log.values().length];

    void iis(Record r) {
        String stem = r.field("cs-uri-stem");
        String protocol = stem == null ? null : Protocols.ofStem(stem);
        if (protocol == null) return;
        String user = identity(r.field("cs-username"));
        String mailbox = protocol.equals(Protocols.OWA) ? owaMailbox(stem) : null;
        if (mailbox == null && Protocols.MAIL.contains(protocol)) mailbox = user;
        String action = protocol.equals(Protocols.OWA) ? owaAction(r.field("cs-uri-query")) : null;
        add(Log.IIS, r, r.field("c-ip"), protocol, mailbox, user, action, r.field("sc-status"));
    }

    void httpProxy(Record r) {
        String protocol = Protocols.ofHttpProxy(r.field("Protocol") != null ? r.field("Protocol") : r.field("LogFolder"),
                r.field("UrlStem"));
        if (protocol == null) return;
        String user = identity(r.field("AuthenticatedUser"));
        String mailbox = anchorMailbox(r.field("AnchorMailbox"));
        if (mailbox == null && Protocols.MAIL.contains(protocol)) mailbox = user;
        add(Log.HTTPPROXY, r, r.field("ClientIpAddress"), protocol, mailbox, user, null, r.field("HttpStatus"));
    }

    void ews(Record r) {
        String mailbox = identity(r.field("ImpersonatedUser"));
        if (mailbox == null) mailbox = identity(r.field("ActAsUser"));
        if (mailbox == null) mailbox = identity(r.field("AuthenticatedUser"));
        add(Log.EWS, r, r.field("ClientIpAddress"), Protocols.EWS, mailbox, null, action(r.field("SoapAction")),
                r.field("HttpStatus"));
    }

    private void add(Log log, Record r, String client, String protocol, String mailbox, String user, String action,
                     String status) {
        if (mailbox == null && user == null) return;
        String address = Text.address(client);
        if (address == null || r.time() == null) return;
        Key key = new Key(address, protocol, mailbox, user);
        synchronized (this) {
            records[log.ordinal()]++;
            Summary s = summaries.get(key);
            if (s == null) {
                if (summaries.size() >= Limits.IMPACT_REQUEST_SUMMARIES) {
                    dropped++;
                    return;
                }
                s = new Summary();
                summaries.put(key, s);
            }
            s.add(log, action, Text.kept(status), r.time(), r.source());
        }
    }

    /**
     * Adds the requests another reading of the server's other logs kept, when that gives what reading all the logs
     * here would: no cap reached, by either or by both together (the summaries, the actions each names). Returns false,
     * and changes nothing, when it would not.
     */
    synchronized boolean absorb(RequestLog other) {
        synchronized (other) {
            if (dropped > 0 || other.dropped > 0) return false;
            long added = other.summaries.keySet().stream().filter(k -> !summaries.containsKey(k)).count();
            if (summaries.size() + added > Limits.IMPACT_REQUEST_SUMMARIES) return false;
            for (Map.Entry<Key, Summary> e : other.summaries.entrySet()) {
                if (!e.getValue().joinsExactly(summaries.get(e.getKey()))) return false;
            }
            other.summaries.forEach((k, s) -> summaries.computeIfAbsent(k, x -> new Summary()).join(s));
            for (int i = 0; i < records.length; i++) records[i] += other.records[i];
            return true;
        }
    }

    /** The summaries of the requests from these addresses, in a stable order. */
    synchronized List<Map.Entry<Key, Summary>> from(Set<String> clients) {
        return summaries.entrySet().stream().filter(e -> clients.contains(e.getKey().client()))
                .sorted(Comparator.comparing((Map.Entry<Key, Summary> e) -> e.getValue().first())
                        .thenComparing(e -> e.getKey().toString()))
                .toList();
    }

    /** Requests not kept: the cap on summaries was reached. */
    synchronized long dropped() {
        return dropped;
    }

    /** Requests naming a mailbox or account seen in a log. */
    synchronized long seen(Log log) {
        return records[log.ordinal()];
    }

    /** A user or mailbox name, or null for none or the system's own (an SSRF request runs as the computer). */
    private static String identity(String value) {
        String v = Text.kept(value);
        return v == null || Text.systemIdentity(v) ? null : v;
    }

    /** HttpProxy's {@code Smtp~ceo@contoso.com} or {@code Sid~S-1-5-...}; null for a server or database route. */
    static String anchorMailbox(String anchor) {
        String a = Text.kept(anchor);
        if (a == null) return null;
        for (String prefix : new String[] {"Smtp~", "Sid~"}) {
            if (a.regionMatches(true, 0, prefix, 0, prefix.length())) return identity(a.substring(prefix.length()));
        }
        return null;
    }

    /** The mailbox of OWA's explicit logon, {@code /owa/ceo@contoso.com/...} (or {@code %40}), else null. */
    static String owaMailbox(String stem) {
        int start = "/owa/".length();
        int end = stem.indexOf('/', start);
        String part = stem.substring(Math.min(start, stem.length()), end < 0 ? stem.length() : end).replace("%40", "@");
        int at = part.indexOf('@');
        return at > 0 && at < part.length() - 1 ? identity(part) : null;
    }

    /** OWA's {@code action=GetItem} in the query of {@code service.svc}, or null. */
    static String owaAction(String query) {
        if (query == null) return null;
        int at = query.indexOf("action=");
        if (at < 0 || (at > 0 && query.charAt(at - 1) != '&' && query.charAt(at - 1) != '?')) return null;
        int start = at + "action=".length();
        int end = start;
        while (end < query.length() && end - start < 64 && Character.isLetterOrDigit(query.charAt(end))) end++;
        return end > start ? query.substring(start, end) : null;
    }

    /** A SOAP action as a bare name: EWS logs may write it as a URI ending in it. */
    private static String action(String soapAction) {
        String a = Text.kept(soapAction);
        if (a == null) return null;
        int slash = a.lastIndexOf('/');
        String name = slash >= 0 ? a.substring(slash + 1) : a;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
