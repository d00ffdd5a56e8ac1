package org.exhunt.hunt.impact;

import org.exhunt.core.Record;

/**
 * Keeps, while a server's logs are read, what the impact step needs of records that are not findings: requests naming
 * a mailbox or an account, cmdlets that export mailboxes or change roles, logons, account, task and service events,
 * mail sent out. Thread-safe, bounded (each part counts what its cap did not keep); one per server's scan, fed every
 * record once, in the one pass over the logs.
 */
public final class ImpactIndexer {

    final RequestLog requests = new RequestLog();
    final CmdletLog cmdlets = new CmdletLog();
    final WindowsEvents windows = new WindowsEvents();
    final OutboundMail mail = new OutboundMail();

    public void observe(Record r) {
        switch (r.type()) {
            case "iis" -> requests.iis(r);
            case "exchange-httpproxy" -> {
                requests.httpProxy(r);
                windows.host(r.field("ServerHostName"));
            }
            case "exchange-ews" -> requests.ews(r);
            case "exchange-rps" -> cmdlets.rps(r);
            case "exchange-ecp-server", "exchange-ecp-activity" -> cmdlets.ecp(r);
            case "exchange-messagetracking" -> mail.observe(r);
            case "evtx", "json" -> {
                if ("MSExchange Management".equals(r.field("Channel"))) cmdlets.management(r);
                windows.observe(r);
            }
            default -> { }
        }
    }
}
