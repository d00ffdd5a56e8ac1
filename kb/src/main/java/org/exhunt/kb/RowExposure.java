package org.exhunt.kb;

import java.util.List;
import java.util.Optional;
import org.exhunt.core.Exposure;

/**
 * What a build means for one verdict row.
 *
 * @param row      the row: {@code ProxyLogon}, {@code CVE-2020-0688}, ...
 * @param exposure PATCHED, VULNERABLE, NOT_AFFECTED or UNKNOWN from the build; MITIGATED once mitigations are
 *                 applied ({@link ExposureAssessment})
 * @param reason   one line a person reads: what is missing and what fixes it, or why the build cannot tell
 * @param fixedBy  the first build that has the row fixed (within the build's CU when one does), or {@code null}
 * @param cves     each CVE of the row
 */
public record RowExposure(String row, Exposure exposure, String reason, Build fixedBy, List<CveAnswer> cves) {

    public RowExposure {
        cves = List.copyOf(cves);
    }

    public Optional<Build> fixedByBuild() {
        return Optional.ofNullable(fixedBy);
    }

    /** The CVEs of the row with this status. */
    public List<String> cves(CveStatus status) {
        return cves.stream().filter(c -> c.status() == status).map(CveAnswer::cve).toList();
    }

    /** The same row with another exposure and reason (the fix and the CVEs stay). */
    public RowExposure with(Exposure newExposure, String newReason) {
        return new RowExposure(row, newExposure, newReason, fixedBy, cves);
    }
}
