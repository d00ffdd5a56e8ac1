package org.exhunt.report;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.IsoTime;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.Verdict;

/**
 * The closing summary of a scan (issue 26), the last thing on the screen after however many findings: per server the
 * verdicts that matter (compromise, attempts, rows the evidence cannot tell, vulnerable builds), the findings counted
 * per level, the first and last evidence, what was not read; then where the reports went. The console report ends
 * with it; with {@code -o} the scan prints it on standard error.
 */
public final class ConsoleSummary {

    private ConsoleSummary() {}

    /** {@code reports}: one line each, "FORMAT report: FILE", empty when the report is what precedes the summary. */
    public static void write(PrintWriter out, List<ServerResult> results, List<String> reports) {
        out.println("Summary");
        for (ServerResult r : results) {
            out.println("  " + Printable.visible(r.server()));
            boolean any = false;
            for (Compromise c : List.of(Compromise.COMPROMISED, Compromise.ATTEMPTED, Compromise.CANNOT_TELL)) {
                any |= rows(out, ConsoleReport.compromise(c), r.verdicts().stream().filter(v -> v.compromise() == c).toList());
            }
            if (!any) out.println("    no evidence of compromise in any row");
            rows(out, "vulnerable", r.verdicts().stream().filter(v -> v.exposure() == Exposure.VULNERABLE).toList());
            out.println("    findings: " + levels(r.findings()));
            List<Instant> times = r.findings().stream().map(Finding::time).filter(Objects::nonNull).sorted().toList();
            if (!times.isEmpty()) {
                out.println("    evidence from " + IsoTime.format(times.get(0)) + " to " + IsoTime.format(times.get(times.size() - 1)));
            }
            long notRead = r.diagnostics().stream().filter(Diagnostic::isError).count();
            out.println("    not read: " + (notRead == 0 ? "nothing" : ConsoleReport.count(notRead, "input or rule")
                    + ", listed under \"Not read\": the verdicts may miss evidence in them"));
        }
        for (String report : reports) out.println("  " + Printable.visible(report));
        out.flush();
    }

    private static boolean rows(PrintWriter out, String label, List<Verdict> verdicts) {
        if (verdicts.isEmpty()) return false;
        out.println("    " + label + ": " + Printable.visible(String.join(", ", verdicts.stream().map(Verdict::row).toList())));
        return true;
    }

    /** "2 critical, 5 high (7)", most severe first; "none". */
    private static String levels(List<Finding> findings) {
        if (findings.isEmpty()) return "none";
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : findings) counts.merge(f.severity(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFORMATIONAL)) {
            if (counts.containsKey(s)) parts.add(counts.get(s) + " " + s.label());
        }
        return String.join(", ", parts) + " (" + findings.size() + ")";
    }
}
