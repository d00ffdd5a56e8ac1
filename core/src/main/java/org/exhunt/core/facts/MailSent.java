package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A message sent out of the organisation from a mailbox the attackers read or exported, while they were active, as
 * Message Tracking records its {@code SEND}: to review, not a finding of theft.
 *
 * @param sender     the sending mailbox
 * @param recipients its recipients outside the sender's domain
 * @param subject    the subject as logged (shortened)
 * @param time       when it was sent
 * @param records    where it was read
 * @param confidence always {@code possible}: the log cannot tell who wrote it
 * @param why        one line saying why it is listed
 */
public record MailSent(String sender, List<String> recipients, String subject, Instant time, List<String> records,
                       Confidence confidence, String why) implements Serializable {

    public MailSent {
        recipients = List.copyOf(recipients);
        records = List.copyOf(records);
    }
}
