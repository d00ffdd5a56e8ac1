package org.exhunt.hunt.impact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.MailSent;

/**
 * Mail sent out of the organisation from the mailboxes the attackers read or exported, while they were active (from
 * the first evidence to {@link #AFTER} past the last): to review, since the log cannot say who wrote it. A mailbox
 * named as {@code CONTOSO\ceo} matches a sender whose address starts with {@code ceo@}.
 */
final class MailToReview {

    static final Duration AFTER = Duration.ofHours(24);

    private MailToReview() {}

    static List<MailSent> of(Intrusion intrusion, List<String> mailboxes, List<OutboundMail.Sent> sent) {
        Set<String> addresses = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (String m : mailboxes) {
            String k = Text.key(m);
            if (k.contains("@")) addresses.add(k);
            else if (k.contains("\\")) users.add(k.substring(k.lastIndexOf('\\') + 1));
        }
        Instant from = intrusion.first();
        Instant to = intrusion.last() == null ? null : intrusion.last().plus(AFTER);
        List<MailSent> out = new ArrayList<>();
        for (OutboundMail.Sent s : sent) {
            String sender = Text.key(s.sender());
            int at = sender.indexOf('@');
            boolean affected = addresses.contains(sender) || (at > 0 && users.contains(sender.substring(0, at)));
            if (!affected || (from != null && s.time().isBefore(from)) || (to != null && s.time().isAfter(to))) continue;
            out.add(new MailSent(s.sender(), s.recipients(), s.subject(), s.time(), List.of(s.source().toString()),
                    Confidence.POSSIBLE, "sent outside the organisation from a mailbox the attackers reached, while they"
                            + " were active (" + from + " to " + intrusion.last() + ", and a day after): to review"));
        }
        return out;
    }
}
