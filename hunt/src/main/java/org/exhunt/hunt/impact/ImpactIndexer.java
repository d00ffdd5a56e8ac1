package org.exhunt.hunt.impact;

import java.io.Serializable;
import org.exhunt.core.Record;

/**
 * Keeps, while a server's logs are read, what the impact step needs of records that are not findings: requests naming
 * a mailbox or an account, cmdlets that export mailboxes or change roles, logons, account, task and service events,
 * mail sent out. Thread-safe, bounded (each part counts what its cap did not keep); one per server's scan, fed every
 * record once, in the one pass over the logs.
 *
 * <p>A big server's logs may be read in parts on other machines: what each part's indexer kept is added here ({@link
 * #absorb}) when that gives what reading all the logs here would.
 */
public final class ImpactIndexer implements Serializable {

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

    /**
     * Adds what another indexer kept of the server's other logs, when every part of it joins exactly: no cap reached,
     * by either or by both together, and the same server names. False when one does not: the parts before it were
     * added then, and the scan cannot be told from this indexer (it is to scan the server whole).
     */
    public boolean absorb(ImpactIndexer other) {
        return requests.absorb(other.requests) && cmdlets.absorb(other.cmdlets) && windows.absorb(other.windows)
                && mail.absorb(other.mail);
    }
}
