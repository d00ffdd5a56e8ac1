package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan of a server's evidence found out besides its verdicts and findings.
 *
 * @param install            where Exchange is installed
 * @param mitigations        the URL-rewrite mitigations found
 * @param extendedProtection Extended Protection, as applicationHost.config sets it
 * @param examined           what was looked at and what was left out
 * @param indicators         the indicator lists matched against
 * @param sigma              the Sigma rules run
 * @param logs               what the logs of each type cover, by type
 * @param tallies            facts counted across the scan ({@link Tally}), those that occurred
 * @param droppedPerRule     per rule that hit {@link org.exhunt.core.Limits#FINDINGS_PER_RULE}, how many of its
 *                           findings were not kept, sorted by rule
 * @param suppressed         what each allowlist entry suppressed, in the allowlist's order (entries that suppressed
 *                           nothing left out)
 * @param timelines          per row with evidence, its story, in the order the rows' first findings come
 * @param patchHistory       what the evidence says about the builds that ran and were installed, in time order
 *                           (docs/ARCHITECTURE.md, "Verdicts")
 * @param buildTimeline      which build ran when, from the patch history and the build installed now, in time order
 * @param impact             what the attackers touched ({@link Impact#NONE} when nothing shows an intrusion)
 */
public record ScanFacts(Install install, Mitigations mitigations, ExtendedProtection extendedProtection,
                        Examined examined, IndicatorSummary indicators, SigmaSummary sigma, List<LogCoverage> logs,
                        Map<Tally, Long> tallies, List<NotKept> droppedPerRule, List<Suppression> suppressed,
                        List<RowTimeline> timelines, List<PatchEvent> patchHistory, List<BuildSpan> buildTimeline,
                        Impact impact) implements Serializable {

    /** Facts without an impact assessment. */
    public ScanFacts(Install install, Mitigations mitigations, ExtendedProtection extendedProtection, Examined examined,
                     IndicatorSummary indicators, SigmaSummary sigma, List<LogCoverage> logs, Map<Tally, Long> tallies,
                     List<NotKept> droppedPerRule, List<Suppression> suppressed, List<RowTimeline> timelines,
                     List<PatchEvent> patchHistory, List<BuildSpan> buildTimeline) {
        this(install, mitigations, extendedProtection, examined, indicators, sigma, logs, tallies, droppedPerRule, suppressed,
                timelines, patchHistory, buildTimeline, Impact.NONE);
    }

    public ScanFacts {
        logs = List.copyOf(logs);
        tallies = Collections.unmodifiableMap(tallies.isEmpty() ? new EnumMap<>(Tally.class) : new EnumMap<>(tallies));
        droppedPerRule = List.copyOf(droppedPerRule);
        suppressed = List.copyOf(suppressed);
        timelines = List.copyOf(timelines);
        patchHistory = patchHistory == null ? List.of() : List.copyOf(patchHistory);
        buildTimeline = buildTimeline == null ? List.of() : List.copyOf(buildTimeline);
        if (impact == null) impact = Impact.NONE;   // a report of a version that had none
    }
}
