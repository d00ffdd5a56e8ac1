package org.exhunt.hunt.verdict;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;

/**
 * The verdict of one attack-chain row: COMPROMISED on a sign of success or a file linked to the chain,
 * ATTEMPTED on exploit requests alone, and otherwise CLEAN only when the logs could have shown the chain —
 * CANNOT_TELL when there are no such logs, when they end before the chain was first exploited in the wild,
 * or when they start after it on a build that was not yet fixed.
 */
final class ChainVerdict {

    private ChainVerdict() {}

    static Verdict decide(String server, RowAssessment row, List<Finding> chainFindings, List<ShellLinker.Link> links) {
        String name = row.profile().row();
        List<Finding> successes = chainFindings.stream().filter(f -> f.stage() == Stage.SUCCESS).toList();
        if (!successes.isEmpty() || !links.isEmpty()) {
            return verdict(server, row, Compromise.COMPROMISED, success(successes, links));
        }
        if (!chainFindings.isEmpty()) {
            return verdict(server, row, Compromise.ATTEMPTED, attempts(chainFindings));
        }
        if (row.exposure() == Exposure.NOT_AFFECTED) {
            return verdict(server, row, Compromise.CLEAN, "the product is not affected by " + name);
        }
        return verdict(server, row, visibility(row), reachReason(row));
    }

    private static Compromise visibility(RowAssessment row) {
        LogWindow w = row.window();
        if (w == null) return Compromise.CANNOT_TELL;
        if (w.to().isBefore(row.profile().firstExploited())) return Compromise.CANNOT_TELL;
        boolean startsLate = w.from().isAfter(row.profile().firstExploited());
        boolean fixedAtStart = w.atStart() == Exposure.PATCHED || w.atStart() == Exposure.NOT_AFFECTED;
        return startsLate && !fixedAtStart ? Compromise.CANNOT_TELL : Compromise.CLEAN;
    }

    private static String reachReason(RowAssessment row) {
        RowProfile p = row.profile();
        LogWindow w = row.window();
        String first = "first exploitation in the wild (" + day(p.firstExploited()) + ")";
        if (w == null) return "no " + LogNames.list(p.visibleIn()) + " logs in the evidence, which could have shown it";
        String span = "no evidence in " + LogNames.list(w.logTypes()) + " logs from " + day(w.from()) + " to " + day(w.to());
        if (w.to().isBefore(p.firstExploited())) return span + ": they end before " + first;
        if (w.from().isAfter(p.firstExploited())) {
            if (w.atStart() == Exposure.PATCHED || w.atStart() == Exposure.NOT_AFFECTED) {
                return span + "; they start after " + first + ", but on a fixed build (files on disk were checked"
                        + " for all time)";
            }
            return span + ", but they start after " + first + " while the build was "
                    + (w.atStart() == Exposure.UNKNOWN ? "not known" : "not yet fixed");
        }
        return span + ", back to before " + first;
    }

    private static String success(List<Finding> successes, List<ShellLinker.Link> links) {
        StringBuilder s = new StringBuilder();
        if (!successes.isEmpty()) {
            Finding first = successes.get(0);
            s.append(count(successes.size(), "sign", "signs")).append(" of success").append(from(successes))
                    .append(", first: ").append(first.title()).append(at(first));
        }
        for (ShellLinker.Link link : links) {
            if (s.length() > 0) s.append("; ");
            String path = link.finding().evidence("path");
            s.append(link.finding().title()).append(path == null ? "" : " " + path).append(" (").append(link.why()).append(')');
        }
        return s.toString();
    }

    /** " from a, b" with the client addresses the findings name (at most five), or "" when they name none. */
    private static String from(List<Finding> findings) {
        TreeSet<String> ips = new TreeSet<>();
        findings.stream().map(ShellLinker::clientIp).filter(Objects::nonNull).forEach(ips::add);
        if (ips.isEmpty()) return "";
        return " from " + String.join(", ", ips.stream().limit(5).toList())
                + (ips.size() > 5 ? " and " + (ips.size() - 5) + " more" : "");
    }

    private static String attempts(List<Finding> attempts) {
        Finding first = attempts.get(0);
        Finding last = attempts.get(attempts.size() - 1);
        return count(attempts.size(), "exploit attempt", "exploit attempts") + from(attempts)
                + (first.time() == null ? "" : ", " + first.time() + (attempts.size() > 1 && last.time() != null
                        ? " to " + last.time() : ""))
                + ", no sign of success (first: " + first.title() + ")";
    }

    private static Verdict verdict(String server, RowAssessment row, Compromise c, String reason) {
        String exposure = row.exposureReason() == null || row.exposureReason().isEmpty() ? "" : row.exposureReason() + "; ";
        return new Verdict(server, row.profile().row(), row.exposure(), c, exposure + reason);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String at(Finding f) {
        return f.time() == null ? "" : " at " + f.time();
    }

    private static String day(java.time.Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }
}
