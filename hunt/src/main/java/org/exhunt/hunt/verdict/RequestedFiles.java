package org.exhunt.hunt.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.exhunt.core.Finding;
import org.exhunt.core.IsoTime;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;

/**
 * The use of a file left behind, as the web logs show it: for each file that a post-exploitation finding names and
 * that is served over the web, when the logs hold requests to it, one finding {@value #RULE} ("requested 3 times,
 * first at T1 from IP, last at T2"), placed in time at the first request and read from that request's log line, so
 * that a timeline shows when the shell was used, not only when it was written.
 *
 * <p>Derived after the verdicts: it belongs to the chain the file was linked to (none: the Post-exploitation row)
 * and restates the file's evidence with its use, so it changes no verdict. A request answered 404 still counts;
 * the statuses the log gives are said.
 */
public final class RequestedFiles {

    /** The rule id of the derived finding. */
    public static final String RULE = "exhunt.web-shell-requested";
    /** The detector it is reported under: the web logs, read by the scan itself rather than by a rule engine. */
    public static final String DETECTOR = "weblog";

    /** What the rule finds, for the formats that describe rules (SARIF's fullDescription). */
    static final String DESCRIPTION = "Requests in the IIS logs to a file found on disk as post-exploitation evidence"
            + " (a web shell): when it was used, how often and from which addresses, and what the server answered.";

    private RequestedFiles() {}

    /**
     * @param findings the server's findings after linking (each linked file's findings carry its chain), in report order
     * @param requests requests to script files seen in the web logs
     * @return one finding per requested file, in the order of the files' first findings
     */
    public static List<Finding> of(List<Finding> findings, WebRequests requests) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.stage() != Stage.POST_EXPLOITATION || RULE.equals(f.ruleId())) continue;
            String path = f.evidence("path");
            if (path != null && f.evidence("url") != null) {
                byFile.computeIfAbsent(ShellLinker.PathKey.of(path), k -> new ArrayList<>()).add(f);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (List<Finding> about : byFile.values()) {
            Finding file = about.get(0);
            requests.to(file.evidence("url")).ifPresent(r -> out.add(requested(file, chain(about), r)));
        }
        return out;
    }

    /** The chain the file was linked to: its findings all carry it once one is linked; the first wins if they disagree. */
    private static String chain(List<Finding> about) {
        return about.stream().map(Finding::chain).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Finding requested(Finding file, String chain, WebRequests.PathRequests r) {
        String url = file.evidence("url");
        WebRequests.Request first = r.first();
        WebRequests.Request last = r.last();
        Finding.Builder b = Finding.builder(DETECTOR, RULE).title(title(url, r)).severity(Severity.HIGH).chain(chain)
                .stage(Stage.POST_EXPLOITATION)
                .tag("attack.persistence").tag("attack.t1505.003")
                .meta("description", DESCRIPTION)
                .time(first.time()).source(first.source() != null ? first.source() : file.source())
                .evidence("url", url).evidence("path", file.evidence("path"))
                .evidence("requests", Long.toString(r.count()))
                .evidence("first_request", IsoTime.format(first.time()));
        if (first.clientIp() != null) b.evidence("first_client_ip", first.clientIp());
        if (first.source() != null) b.evidence("first_request_source", first.source().toString());
        b.evidence("last_request", IsoTime.format(last.time()));
        if (last.source() != null) b.evidence("last_request_source", last.source().toString());
        if (!r.clientIps().isEmpty()) b.evidence("client_ips", String.join(", ", r.clientIps()));
        if (!r.statuses().isEmpty()) b.evidence("sc-status", statuses(r));
        return b.build();
    }

    /** "Web shell requested 3 times, first at T1 from IP, last at T2: URL", and when no request succeeded, what they got. */
    private static String title(String url, WebRequests.PathRequests r) {
        WebRequests.Request first = r.first();
        String from = first.clientIp() == null ? "" : " from " + first.clientIp();
        StringBuilder t = new StringBuilder("Web shell requested ");
        if (r.count() == 1) t.append("once, at ").append(first.time()).append(from);
        else t.append(r.count()).append(" times, first at ").append(first.time()).append(from)
                .append(", last at ").append(r.last().time());
        t.append(": ").append(url);
        if (!r.statuses().isEmpty() && r.statuses().keySet().stream().noneMatch(RequestedFiles::answered)) {
            t.append(" (never answered with success: ").append(statuses(r)).append(')');
        }
        return t.toString();
    }

    /** A 2xx or 3xx status: the server ran or redirected the request, rather than refusing it or failing. */
    private static boolean answered(String status) {
        return status.length() == 3 && (status.charAt(0) == '2' || status.charAt(0) == '3');
    }

    /** {@code 404}, or {@code 200 (2), 404 (1)} when the requests got several statuses. */
    private static String statuses(WebRequests.PathRequests r) {
        if (r.statuses().size() == 1) return r.statuses().keySet().iterator().next();
        List<String> parts = new ArrayList<>();
        r.statuses().forEach((status, n) -> parts.add(status + " (" + n + ")"));
        return String.join(", ", parts);
    }
}
