package org.exhunt.hunt.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.exhunt.core.Finding;
import org.exhunt.core.Stage;

/**
 * The story of each intrusion in a few lines a responder reads first: per chain (and for files no chain
 * explains) the first and last evidence, the client addresses that used the exploit, and every file
 * found or named as written, with when and by whom it was then requested.
 */
public final class Timeline {

    private static final int IPS_SHOWN = 10;

    private Timeline() {}

    /**
     * @param findings the server's findings after linking (each linked file carries its chain)
     * @param requests requests to script files seen in the web logs
     */
    public static List<String> of(List<Finding> findings, WebRequests requests) {
        Map<String, List<Finding>> byChain = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.stage() == Stage.CONTEXT) continue;
            String chain = f.chain() != null ? f.chain() : Rows.POST_EXPLOITATION;
            byChain.computeIfAbsent(chain, k -> new ArrayList<>()).add(f);
        }
        List<String> lines = new ArrayList<>();
        byChain.forEach((chain, fs) -> story(chain, fs, requests, lines));
        return lines;
    }

    private static void story(String chain, List<Finding> fs, WebRequests requests, List<String> lines) {
        List<Finding> timed = fs.stream().filter(f -> f.time() != null).toList();
        TreeSet<String> ips = new TreeSet<>();
        fs.stream().filter(f -> f.stage() != Stage.POST_EXPLOITATION).map(ShellLinker::clientIp)
                .filter(Objects::nonNull).forEach(ips::add);
        StringBuilder head = new StringBuilder("timeline ").append(chain).append(": ")
                .append(fs.size()).append(fs.size() == 1 ? " finding" : " findings");
        if (!timed.isEmpty()) {
            head.append(", first ").append(timed.get(0).time()).append(", last ").append(timed.get(timed.size() - 1).time());
        }
        if (!ips.isEmpty()) head.append(", exploit from ").append(shown(ips));
        lines.add(head.toString());
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : fs) {
            // a requested file's own finding is what requested() below says already
            if (f.stage() == Stage.POST_EXPLOITATION && f.evidence("path") != null && !RequestedFiles.RULE.equals(f.ruleId())) {
                // one file however its findings write its path (C:\ or \\localhost\c$), as linking groups it
                byFile.computeIfAbsent(ShellLinker.PathKey.of(f.evidence("path")), k -> new ArrayList<>()).add(f);
            }
        }
        byFile.values().forEach(about -> {
            Finding first = about.get(0);
            Finding served = about.stream().filter(f -> f.evidence("url") != null).findFirst().orElse(first);
            String titles = String.join("; ", about.stream().map(Finding::title).distinct().toList());
            lines.add("  file " + first.evidence("path") + " (" + titles
                    + (first.time() == null ? "" : ", modified " + first.time()) + ")" + requested(served, requests));
        });
    }

    private static String requested(Finding f, WebRequests requests) {
        String url = f.evidence("url");
        Optional<WebRequests.PathRequests> seen = url == null ? Optional.empty() : requests.to(url);
        if (seen.isEmpty()) return url == null ? "" : ", no request to " + url + " in the web logs";
        WebRequests.PathRequests r = seen.get();
        return ", requested " + r.count() + (r.count() == 1 ? " time" : " times") + " from " + r.first().time()
                + " to " + r.last().time() + (r.clientIps().isEmpty() ? "" : " by " + shown(r.clientIps()));
    }

    private static String shown(java.util.Set<String> ips) {
        List<String> list = ips.stream().limit(IPS_SHOWN).toList();
        return String.join(", ", list) + (ips.size() > list.size() ? " and " + (ips.size() - list.size()) + " more" : "");
    }
}
