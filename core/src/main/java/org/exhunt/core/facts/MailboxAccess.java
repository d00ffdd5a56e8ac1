package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests by the attackers that reached a mailbox: by an address that used an exploit or a web shell, through EWS,
 * OWA, MAPI, ActiveSync or ECP, or an exploit request routed to a mailbox.
 *
 * @param mailbox    the mailbox the requests acted on, as the log names it ({@code ceo@contoso.com}, {@code CONTOSO\ceo})
 * @param protocol   {@code EWS}, {@code OWA}, {@code MAPI}, {@code ActiveSync}, {@code ECP}, {@code RPC}
 * @param actions    requests per action where the log names one (EWS's SOAP action: {@code FindItem},
 *                   {@code GetItem}, {@code GetAttachment}, {@code ExportItems}; OWA's {@code action=}), at most
 *                   {@link Impact#ACTIONS_KEPT} and {@code other}
 * @param requests   how many requests (in the log that shows the most of them: the same request is in IIS, HttpProxy
 *                   and EWS logs)
 * @param first      the first request's time
 * @param last       the last request's time
 * @param clients    the attackers' addresses the requests came from, sorted
 * @param records    where the first and last were read, at most {@link Impact#RECORDS_KEPT}
 * @param confidence {@code shown} for requests the log shows acting on the mailbox from an address that used the
 *                   exploit with success or a web shell; {@code likely} from an address seen only attempting it, or
 *                   for a request only routed to the mailbox (HttpProxy's AnchorMailbox)
 * @param why        one line saying whose requests they are
 */
public record MailboxAccess(String mailbox, String protocol, Map<String, Long> actions, long requests, Instant first,
                            Instant last, List<String> clients, List<String> records, Confidence confidence, String why) implements Serializable {

    public MailboxAccess {
        actions = Collections.unmodifiableMap(new TreeMap<>(actions));
        clients = List.copyOf(clients);
        records = List.copyOf(records);
    }
}
