package org.exhunt.hunt.verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.core.Finding;

/**
 * One process start seen twice — by Sysmon (event 1, with the parent's command line) and by Security auditing
 * (event 4688, without it) — is one piece of evidence. Rules can tell more from the Sysmon copy (which
 * application pool started a shell), so a 4688 finding with a Sysmon twin (same process id and image, within a
 * few seconds) takes the twin's chain and stage instead of its own.
 */
final class TwinEvents {

    static final Duration SAME_START = Duration.ofSeconds(5);
    private static final String SYSMON = "Microsoft-Windows-Sysmon";
    private static final String SECURITY = "Microsoft-Windows-Security-Auditing";

    private TwinEvents() {}

    static List<Finding> merge(List<Finding> findings) {
        // Sysmon starts by process id, so that each 4688 is compared with its few candidates, not with all of them
        Map<Long, List<Finding>> sysmonByPid = new HashMap<>();
        for (Finding f : findings) {
            Long pid = SYSMON.equals(f.evidence("Provider_Name")) && "1".equals(f.evidence("EventID"))
                    ? pid(f.evidence("ProcessId")) : null;
            if (pid != null) sysmonByPid.computeIfAbsent(pid, k -> new ArrayList<>()).add(f);
        }
        if (sysmonByPid.isEmpty()) return findings;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Finding> candidates = SECURITY.equals(f.evidence("Provider_Name")) && "4688".equals(f.evidence("EventID"))
                    ? sysmonByPid.get(pid(f.evidence("NewProcessId"))) : null;
            Finding twin = candidates == null ? null : candidates.stream().filter(s -> twins(f, s)).findFirst().orElse(null);
            out.add(twin == null ? f : asTwin(f, twin));
        }
        return out;
    }

    private static boolean twins(Finding security, Finding sysmon) {
        Long a = pid(security.evidence("NewProcessId"));
        Long b = pid(sysmon.evidence("ProcessId"));
        String imageA = security.evidence("NewProcessName") != null ? security.evidence("NewProcessName") : security.evidence("Image");
        String imageB = sysmon.evidence("Image");
        return a != null && a.equals(b) && imageA != null && imageA.equalsIgnoreCase(imageB)
                && security.time() != null && sysmon.time() != null
                && Duration.between(security.time(), sysmon.time()).abs().compareTo(SAME_START) <= 0;
    }

    private static Finding asTwin(Finding f, Finding twin) {
        return Finding.builder(f).chain(twin.chain()).stage(twin.stage())
                .evidence("same_process_start_as", twin.source().toString()).build();
    }

    /** Sysmon writes process ids in decimal, Security auditing in hex ({@code 0x23a0}). */
    static Long pid(String value) {
        if (value == null) return null;
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
