package org.exhunt.hunt.impact;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;

/**
 * The messages Message Tracking shows leaving the organisation ({@code SEND} events with a recipient outside the
 * sender's domain), kept while the logs are read: which mailboxes the attackers touched is known only after. At most
 * {@link Limits#IMPACT_MAIL_PER_SENDER_DAY} per sender and day and {@link Limits#IMPACT_OUTBOUND_MAIL} in all; more
 * are counted.
 */
final class OutboundMail implements Serializable {

    /** One message sent out. */
    record Sent(String sender, List<String> recipients, String subject, Instant time, SourceRef source)
            implements Serializable {}

    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Integer> perSenderDay = new HashMap<>();
    private long dropped;
    private long records;

    void observe(Record r) {
        synchronized (this) {
            records++;
        }
        if (!"SEND".equalsIgnoreCase(r.field("event-id")) || r.time() == null) return;
        String sender = Text.kept(r.field("sender-address"));
        String recipients = r.field("recipient-address");
        if (sender == null || recipients == null) return;
        String domain = domain(sender);
        List<String> outside = new ArrayList<>();
        for (String to : recipients.split(";")) {
            String t = Text.kept(to);
            if (t != null && outside.size() < 20 && (domain == null || !domain.equals(domain(t)))) outside.add(t);
        }
        if (outside.isEmpty()) return;
        Sent s = new Sent(sender, outside, Text.kept(r.field("message-subject")), r.time(), r.source());
        String day = Text.key(sender) + "|" + r.time().getEpochSecond() / 86_400;
        synchronized (this) {
            int n = perSenderDay.getOrDefault(day, 0);
            if (n >= Limits.IMPACT_MAIL_PER_SENDER_DAY || sent.size() >= Limits.IMPACT_OUTBOUND_MAIL) {
                dropped++;
                return;
            }
            perSenderDay.put(day, n + 1);
            sent.add(s);
        }
    }

    /**
     * Adds the messages another reading of the server's other logs kept, when that gives what reading all the logs here
     * would: neither cap reached (per sender and day, in all), by either or by both together. Returns false, and
     * changes nothing, when it would not.
     */
    synchronized boolean absorb(OutboundMail other) {
        synchronized (other) {
            if (dropped > 0 || other.dropped > 0 || sent.size() + other.sent.size() > Limits.IMPACT_OUTBOUND_MAIL) return false;
            for (Map.Entry<String, Integer> e : other.perSenderDay.entrySet()) {
                if (perSenderDay.getOrDefault(e.getKey(), 0) + e.getValue() > Limits.IMPACT_MAIL_PER_SENDER_DAY) return false;
            }
            other.perSenderDay.forEach((day, n) -> perSenderDay.merge(day, n, Integer::sum));
            sent.addAll(other.sent);
            records += other.records;
            return true;
        }
    }

    /** The domain of an address ({@code contoso.com}), lower case, or null. */
    static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    synchronized List<Sent> sent() {
        List<Sent> out = new ArrayList<>(sent);
        out.sort(Comparator.comparing(Sent::time).thenComparing(s -> s.source().toString()));
        return out;
    }

    synchronized long dropped() { return dropped; }
    synchronized long records() { return records; }
}
