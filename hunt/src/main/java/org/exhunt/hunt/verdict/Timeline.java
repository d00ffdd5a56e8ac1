package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.RowTimeline;

/**
 * The story of each intrusion as facts a responder reads first: per row with evidence (and for files no chain
 * explains, the Post-exploitation row) the first and last evidence, the client addresses that used the exploit, and
 * every file found or named as written, with when and by whom it was then requested. Context findings tell no story.
 */
public final class Timeline {

    private Timeline() {}

    /**
     * @param findings the server's findings after linking (each linked file carries its chain), in report order
     * @param requests requests to script files seen in the web logs
     * @param notKept  per rule, how many of its findings the cap per rule did not keep: a row counts those of the rules
     *                 among its kept findings
     * @return one per row with evidence, in the order of the rows' first findings
     */
    public static List<RowTimeline> of(List<Finding> findings, WebRequests requests, Map<String, Long> notKept) {
        Map<String, List<Finding>> byRow = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.stage() == Stage.CONTEXT) continue;
            String row = f.chain() != null ? f.chain() : Rows.POST_EXPLOITATION;
            byRow.computeIfAbsent(row, k -> new ArrayList<>()).add(f);
        }
        List<RowTimeline> out = new ArrayList<>();
        byRow.forEach((row, fs) -> out.add(story(row, fs, requests, notKept)));
        return out;
    }

    private static RowTimeline story(String row, List<Finding> fs, WebRequests requests, Map<String, Long> notKept) {
        // a finding's linked events are evidence of the row too (the Sysmon event that dumped an LSASS file on disk
        // is older than the file's time), and report order is not time order: the ends are the extremes of all
        List<Instant> times = fs.stream().flatMap(f -> Stream.concat(Stream.of(f), f.linked().stream()))
                .map(Finding::time).filter(Objects::nonNull).toList();
        Optional<Instant> first = times.stream().min(Comparator.naturalOrder());
        Optional<Instant> last = times.stream().max(Comparator.naturalOrder());
        TreeSet<String> ips = new TreeSet<>();
        fs.stream().filter(f -> f.stage() != Stage.POST_EXPLOITATION).map(ShellLinker::clientIp)
                .filter(Objects::nonNull).forEach(ips::add);
        long dropped = fs.stream().map(Finding::ruleId).distinct().mapToLong(r -> notKept.getOrDefault(r, 0L)).sum();
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : fs) {
            // a requested file's own finding restates what its file's use below says already
            if (f.stage() == Stage.POST_EXPLOITATION && f.evidence("path") != null && !RequestedFiles.RULE.equals(f.ruleId())) {
                // one file however its findings write its path (C:\ or \\localhost\c$), as linking groups it
                byFile.computeIfAbsent(ShellLinker.PathKey.of(f.evidence("path")), k -> new ArrayList<>()).add(f);
            }
        }
        List<FileUse> files = new ArrayList<>();
        byFile.values().forEach(about -> files.add(use(about, requests)));
        return new RowTimeline(row, fs.size(), dropped, first.orElse(null), last.orElse(null),
                ips.stream().limit(RowTimeline.CLIENTS_KEPT).toList(), ips.size(), files);
    }

    private static FileUse use(List<Finding> about, WebRequests requests) {
        Finding first = about.get(0);
        Finding served = about.stream().filter(f -> f.evidence("url") != null).findFirst().orElse(first);
        List<String> titles = about.stream().map(Finding::title).distinct().toList();
        String url = served.evidence("url");
        Optional<WebRequests.PathRequests> seen = url == null ? Optional.empty() : requests.to(url);
        if (seen.isEmpty()) {
            return new FileUse(first.evidence("path"), titles, first.time(), url, 0, null, null, List.of(), 0, Map.of());
        }
        WebRequests.PathRequests r = seen.get();
        return new FileUse(first.evidence("path"), titles, first.time(), url, r.count(), r.first().time(), r.last().time(),
                List.copyOf(r.clientIps()), r.fromOtherClients(), r.statuses());
    }
}
