package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The conservative scope: once a web shell or command execution as the Exchange server's SYSTEM is shown, every
 * mailbox hosted on the server was reachable from that time, whatever the logs show of their reading.
 *
 * @param from     the time of the first evidence of it, or null when no evidence has a time
 * @param fromWhy  what that first evidence is ({@code ProxyLogon success: ...}), or why there is no time
 * @param rows     the rows whose compromise gives it
 * @param server   the server's host name where the evidence names it ({@code EXCH01}), or null
 * @param listWith how to list the mailboxes it hosts ({@code Get-Mailbox -Server EXCH01 -ResultSize Unlimited})
 */
public record ScopeStatement(Instant from, String fromWhy, List<String> rows, String server, String listWith) implements Serializable {

    public ScopeStatement {
        rows = List.copyOf(rows);
    }
}
