package org.exhunt.kb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.exhunt.core.Exposure;

/**
 * A server's exposure per verdict row: its build's {@link BuildAssessment} with the URL-rewrite mitigations
 * found on it applied. A VULNERABLE row becomes MITIGATED when every open entry point of the row (the CVE an
 * attacker starts with) is blocked by a complete, effective group of rules; a partial block is named in the
 * reason and the row stays VULNERABLE (EOMTv2 blocks ProxyNotShell's Autodiscover SSRF, not OWASSRF).
 */
public final class ExposureAssessment {

    private final BuildAssessment build;
    private final List<RowExposure> rows;

    private ExposureAssessment(BuildAssessment build, List<RowExposure> rows) {
        this.build = build;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param presentRuleIds ids of {@link KnowledgeBase#mitigations()} found in effect on the server
     */
    public static ExposureAssessment of(KnowledgeBase kb, BuildAssessment build, Set<String> presentRuleIds) {
        Map<String, String> blockedBy = new LinkedHashMap<>(); // CVE → the group of rules blocking it
        for (String group : kb.completeGroups(presentRuleIds)) {
            for (UrlRewriteMitigation m : kb.mitigationGroup(group)) blockedBy.putIfAbsent(m.blocks(), group);
        }
        List<RowExposure> rows = new ArrayList<>();
        for (RowExposure r : build.rows()) rows.add(r.exposure() == Exposure.VULNERABLE ? mitigate(kb, r, blockedBy) : r);
        return new ExposureAssessment(build, rows);
    }

    /** Every row UNKNOWN, for a server whose build could not be found. */
    public static ExposureAssessment withoutBuild(KnowledgeBase kb, String why) {
        List<RowExposure> rows = kb.rows().stream().map(r -> new RowExposure(r.name(), Exposure.UNKNOWN, why, null,
                r.cves().stream().map(c -> new CveAnswer(c, CveStatus.UNKNOWN)).toList())).toList();
        return new ExposureAssessment(null, rows);
    }

    private static RowExposure mitigate(KnowledgeBase kb, RowExposure r, Map<String, String> blockedBy) {
        List<String> entries = r.cves(CveStatus.OPEN).stream().filter(c -> kb.vulnerability(c).entry()).toList();
        List<String> stopped = entries.stream().filter(blockedBy::containsKey).toList();
        if (stopped.isEmpty()) return r;
        Set<String> groups = new LinkedHashSet<>();
        stopped.forEach(c -> groups.add(blockedBy.get(c)));
        String by = String.join(" and ", groups) + " rules block " + String.join(", ", stopped);
        if (stopped.size() == entries.size()) {
            return r.with(Exposure.MITIGATED, "vulnerable build, but " + by + ", where the chain starts (" + r.reason() + ")");
        }
        List<String> through = entries.stream().filter(c -> !blockedBy.containsKey(c)).toList();
        return r.with(Exposure.VULNERABLE, r.reason() + "; " + by + " but not " + String.join(", ", through));
    }

    /** The build's assessment, when the build is known. */
    public Optional<BuildAssessment> build() {
        return Optional.ofNullable(build);
    }

    /** One per verdict row, in report order. */
    public List<RowExposure> rows() {
        return rows;
    }

    public RowExposure row(String name) {
        return rows.stream().filter(r -> r.row().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + name));
    }
}
