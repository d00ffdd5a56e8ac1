package org.exhunt.testkit.logs;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Message Tracking logs ({@code TransportRoles/Logs/MessageTracking}): the mail flow of a small organisation,
 * one line per transport event (mail received from outside, submitted and delivered in the organisation, sent
 * out), with subjects that need quoting and non-ASCII text.
 */
final class MessageTrackingDialect extends ExchangeCsvDialect {

    static final List<String> COLUMNS = List.of("date-time", "client-ip", "client-hostname", "server-ip", "server-hostname",
            "source-context", "connector-id", "source", "event-id", "internal-message-id", "message-id", "network-message-id",
            "recipient-address", "recipient-status", "total-bytes", "recipient-count", "related-recipient-address", "reference",
            "message-subject", "sender-address", "return-path", "message-info", "directionality", "tenant-id",
            "original-client-ip", "original-server-ip", "custom-data", "transport-traffic-type", "log-id", "schema-version");

    private static final String[] SUBJECTS = {"Q1 numbers, final", "Lunch?", "Re: \"budget\" review", "Übersicht März",
        "Invoice 2021-0342", "FW: team offsite", "Out of office: back Monday"};

    private static final String[] PARTNERS = {"partner@example.net", "billing@example.org", "news@example.com"};

    MessageTrackingDialect(String server, String build) {
        super("Message Tracking Log", COLUMNS, server, build, false);
    }

    @Override
    public void line(LineBuffer b, long time, SplittableRandom r) {
        String user = Traffic.pick(Traffic.USERS, r) + "@contoso.com";
        String partner = Traffic.pick(PARTNERS, r);
        String subject = Traffic.pick(SUBJECTS, r);
        long bytes = 2_000 + r.nextInt(400_000);
        switch (r.nextInt(4)) {
            case 0 -> write(b, time, r, "203.0.113.25", "mail.example.net", "10.0.0.5", server, "08D8E0A1" + r.nextInt(10_000),
                    server + "\\Default Frontend " + server, "SMTP", "RECEIVE", user, "", subject, partner, bytes, "Incoming");
            case 1 -> write(b, time, r, "10.1.2.40", server, "", server, mailbox(r), "", "STOREDRIVER", "SUBMIT", "", "", subject,
                    user, bytes, "Originating");
            case 2 -> write(b, time, r, "10.0.0.5", server, "", server, "", "", "STOREDRIVER", "DELIVER", user, "", subject,
                    partner, bytes, "Incoming");
            default -> sent(b, time, r, user, partner, subject, bytes);
        }
    }

    @Override
    public boolean planted(LineBuffer b, long time, PlantedEvent event) {
        if (!(event instanceof PlantedEvent.MailSent e)) return false;
        sent(b, time, new SplittableRandom(time), e.sender(), e.recipient(), e.subject(), e.bytes());
        return true;
    }

    @Override
    public String serverPath(long time) {
        return "Program Files/Microsoft/Exchange Server/V15/TransportRoles/Logs/MessageTracking/MSGTRK"
                + Clock.yyyyMMddHH(time) + "-1.LOG";
    }

    /** A message that left the organisation over SMTP. */
    private void sent(LineBuffer b, long time, SplittableRandom r, String sender, String recipient, String subject, long bytes) {
        String queued = "250 2.6.0 <" + Traffic.guid(r) + "@contoso.com> Queued mail for delivery";
        write(b, time, r, "10.0.0.5", server, "198.51.100.9", "mx.example.net", "08D8E0A1" + r.nextInt(10_000) + ";" + queued,
                "Outbound to Internet", "SMTP", "SEND", recipient, queued, subject, sender, bytes, "Originating");
    }

    private static String mailbox(SplittableRandom r) {
        return "MDB:5b2c7e10-9d4a-4c8e-a1f3-0e2d4c6b8a9f, Mailbox:" + Traffic.guid(r) + ", Event:" + (63_779_000 + r.nextInt(100_000))
                + ", MessageClass:IPM.Note, CreationTime:2021-03-03T00:00:00.000Z, ClientType:OWA";
    }

    private void write(LineBuffer b, long time, SplittableRandom r, String clientIp, String clientHost, String serverIp,
                       String serverHost, String sourceContext, String connector, String source, String eventId,
                       String recipient, String recipientStatus, String subject, String sender, long bytes, String direction) {
        row(b, Clock.iso(time), clientIp, clientHost, serverIp, serverHost, sourceContext, connector, source, eventId,
                Integer.toString(1_000 + r.nextInt(90_000)), "<" + Traffic.guid(r) + "@contoso.com>", Traffic.guid(r), recipient,
                recipientStatus, Long.toString(bytes), recipient.isEmpty() ? "" : "1", "", "", subject, sender, sender, "",
                direction, "", "", "", "S:DeliveryPriority=Normal;S:AccountForest=contoso.local", "Email", "", longBuild);
    }
}
