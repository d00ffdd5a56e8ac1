package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The story of one row in a few facts a responder reads first: its evidence from first to last, who used the
 * exploit, and each file found or named as written, with its use. One per row with evidence (context aside), the
 * Post-exploitation row for what no chain explains.
 *
 * @param row            the row ({@code ProxyLogon}, {@code Post-exploitation})
 * @param findings       its findings kept
 * @param findingsNotKept its findings counted but not kept: of the rules among its kept findings, those the cap per rule
 *                       ({@link org.exhunt.core.Limits#FINDINGS_PER_RULE}) did not keep; their client addresses are
 *                       not in {@code exploitClients}
 * @param first          the time of its earliest finding, or null when none has a time
 * @param last           the time of its latest finding, or null
 * @param exploitClients client addresses named by its kept findings other than files left behind (those that used
 *                       the exploit), sorted, at most {@link #CLIENTS_KEPT}
 * @param exploitClientCount how many distinct such addresses its kept findings name in all
 * @param files          files found or named as written, in report order
 */
public record RowTimeline(String row, long findings, long findingsNotKept, Instant first, Instant last,
                          List<String> exploitClients, long exploitClientCount, List<FileUse> files) implements Serializable {

    /** Client addresses kept per row; more are counted. */
    public static final int CLIENTS_KEPT = 100;

    public RowTimeline {
        exploitClients = List.copyOf(exploitClients);
        files = List.copyOf(files);
    }
}
