package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the verdicts need to know about one row (an attack chain or an exploited CVE), from the knowledge base.
 *
 * @param row                  the row's name ({@code ProxyLogon}, {@code CVE-2020-0688})
 * @param cves                 the CVEs the row stands for
 * @param firstExploited       when the chain was first exploited in the wild
 * @param firstExploitedSource who said so
 * @param visibleIn            the log types (record types) in which the chain's exploitation shows
 */
public record RowProfile(String row, List<String> cves, Instant firstExploited, String firstExploitedSource,
                         Set<String> visibleIn) {

    public RowProfile {
        cves = List.copyOf(cves);
        visibleIn = Set.copyOf(visibleIn);
    }
}
