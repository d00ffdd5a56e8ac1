package org.exhunt.testkit.image;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.exhunt.core.Rows;

/**
 * What the oracle needs to know about each chain row of ARCHITECTURE.md (named by core's {@link Rows}), taken from
 * the public record and not from exhunt's knowledge base: when the chain was first exploited in the wild, and which
 * logs show its exploitation (its requests are HTTP, so always IIS and HttpProxy; some chains also leave ECP, OAB
 * generator or cmdlet-log traces).
 */
final class RowHistory {

    /** One row. */
    record Row(String name, Instant firstExploited, Set<LogKind> visibleIn) {}

    private static final Set<LogKind> WEB = EnumSet.of(LogKind.IIS, LogKind.HTTPPROXY);

    /** The chain rows in report order (Post-exploitation, which has no date and no exposure, follows them). */
    static final List<Row> CHAIN_ROWS = List.of(
            // Volexity, "Operation Exchange Marauder" (2021-03-02): CVE-2021-26855 exploited from 2021-01-06
            new Row(Rows.PROXYLOGON, Instant.parse("2021-01-06T00:00:00Z"),
                    EnumSet.of(LogKind.IIS, LogKind.HTTPPROXY, LogKind.ECP_SERVER, LogKind.OAB_GENERATOR)),
            // Orange Tsai's Black Hat USA talk, 2021-08-05; scanning that week, mass exploitation from 2021-08-20
            new Row(Rows.PROXYSHELL, Instant.parse("2021-08-05T00:00:00Z"),
                    EnumSet.of(LogKind.IIS, LogKind.HTTPPROXY, LogKind.MANAGEMENT)),
            // GTSC (2022-09-28): attacks seen at the beginning of August 2022
            new Row(Rows.PROXYNOTSHELL, Instant.parse("2022-08-01T00:00:00Z"), WEB),
            // ZDI's details 2020-02-25; Volexity saw exploitation in late February 2020
            new Row(Rows.CVE_2020_0688, Instant.parse("2020-02-25T00:00:00Z"), WEB),
            // Microsoft, 2021-11-09: limited targeted attacks at release
            new Row(Rows.CVE_2021_42321, Instant.parse("2021-11-09T00:00:00Z"),
                    EnumSet.of(LogKind.IIS, LogKind.HTTPPROXY, LogKind.MANAGEMENT, LogKind.APPLICATION)),
            // ZDI's details 2021-08-30 (first in-the-wild date not published)
            new Row(Rows.CVE_2021_33766, Instant.parse("2021-08-30T00:00:00Z"), WEB),
            // disclosed and fixed 2021-07-13 (first in-the-wild date not published)
            new Row(Rows.CVE_2021_31196, Instant.parse("2021-07-13T00:00:00Z"), WEB));

    private RowHistory() {}
}
