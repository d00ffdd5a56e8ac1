package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.List;

/**
 * What the verdicts need to know about one row (an attack chain or an exploited CVE), from the knowledge base.
 *
 * @param row                  the row's name ({@code ProxyLogon}, {@code CVE-2020-0688})
 * @param cves                 the CVEs the row stands for
 * @param firstExploited       when the chain was first exploited in the wild
 * @param firstExploitedSource who said so
 */
public record RowProfile(String row, List<String> cves, Instant firstExploited, String firstExploitedSource) {

    public RowProfile {
        cves = List.copyOf(cves);
    }
}
