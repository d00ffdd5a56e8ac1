package org.exhunt.hunt.verdict;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;

/**
 * The verdict of one attack-chain row: COMPROMISED on a sign of success or a file linked to the chain, ATTEMPTED on
 * exploit requests alone (counted as requests: one per log line or event, however many rules matched it), and
 * otherwise what the exposure window allows ({@link WindowRule}): CLEAN only when the window is empty or covered by
 * logs that show nothing, else CANNOT_TELL.
 */
final class ChainVerdict {

    private ChainVerdict() {}

    static Verdict decide(String server, RowAssessment row, List<Finding> chainFindings, List<ShellLinker.Link> links) {
        String name = row.profile().row();
        List<Finding> successes = chainFindings.stream().filter(f -> f.stage() == Stage.SUCCESS).toList();
        if (!successes.isEmpty() || !links.isEmpty()) {
            String s = success(successes, links);
            return verdict(server, row, Compromise.COMPROMISED, s, s);
        }
        if (!chainFindings.isEmpty()) {
            return verdict(server, row, Compromise.ATTEMPTED, attempts(chainFindings, false), attempts(chainFindings, true));
        }
        if (row.exposure() == Exposure.NOT_AFFECTED) {
            String why = "the product is not affected by " + name;
            return new Verdict(server, name, row.exposure(), Compromise.CLEAN, why, detail(row, why, false), null);
        }
        WindowRule.Answer a = WindowRule.decide(row.window());
        return new Verdict(server, name, row.exposure(), a.compromise(), shorten(a.reason()),
                exposureReason(row) + a.detail(), row.window());
    }

    private static String success(List<Finding> successes, List<ShellLinker.Link> links) {
        StringBuilder s = new StringBuilder();
        if (!successes.isEmpty()) {
            Finding first = successes.get(0);
            s.append(count(requests(successes), "sign", "signs")).append(" of success").append(from(successes))
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

    private static String attempts(List<Finding> attempts, boolean full) {
        Finding first = attempts.get(0);
        Finding last = attempts.get(attempts.size() - 1);
        return count(requests(attempts), "exploit request", "exploit requests") + from(attempts)
                + (first.time() == null ? "" : ", " + first.time() + (attempts.size() > 1 && last.time() != null
                        && !last.time().equals(first.time()) ? " to " + last.time() : ""))
                + ", none answered as the exploit wants" + (full ? " (first: " + first.title() + ")" : "");
    }

    /** How many records (log lines, events) the findings come from: eight requests matched by thirteen rules are eight. */
    static int requests(List<Finding> findings) {
        Set<SourceRef> records = new LinkedHashSet<>();
        for (Finding f : findings) records.add(f.source());
        return records.size();
    }

    private static Verdict verdict(String server, RowAssessment row, Compromise c, String reason, String detail) {
        return new Verdict(server, row.profile().row(), row.exposure(), c, shorten(reason), detail(row, detail, true),
                row.window());
    }

    /** The whole story: the exposure now, what was found, and when the server was exposed. */
    private static String detail(RowAssessment row, String found, boolean window) {
        String w = window && row.window() != null
                ? "; " + WindowRule.exposure(row.window(), "first exploitation in the wild (" + WindowRule.day(row.window().firstExploited()) + ")")
                : "";
        return exposureReason(row) + found + w;
    }

    private static String exposureReason(RowAssessment row) {
        return row.exposureReason() == null || row.exposureReason().isEmpty() ? "" : row.exposureReason() + "; ";
    }

    /** A reason fit for one line of a verdict table. */
    static String shorten(String reason) {
        if (reason.length() <= Verdict.REASON_LENGTH) return reason;
        return reason.substring(0, Verdict.REASON_LENGTH - 1) + "…";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String at(Finding f) {
        return f.time() == null ? "" : " at " + f.time();
    }
}
