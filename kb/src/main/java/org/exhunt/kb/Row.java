package org.exhunt.kb;

import java.time.LocalDate;
import java.util.List;

/**
 * A verdict row ({@code rules/kb/rows.csv}): an attack chain or one exploited CVE, its CVEs, and the date it
 * was first exploited in the wild. Logs that start after that date cannot show the first attacks.
 *
 * @param name                 {@code ProxyLogon}, or a CVE id for a row of one CVE
 * @param title                one line saying what it is
 * @param cves                 its CVEs, in the order of {@code vulnerabilities.csv}
 * @param firstExploited       the first day of known exploitation in the wild
 * @param firstExploitedSource who says so, and what exactly
 */
public record Row(String name, String title, List<String> cves, LocalDate firstExploited,
                  String firstExploitedSource) {

    public Row {
        cves = List.copyOf(cves);
    }
}
