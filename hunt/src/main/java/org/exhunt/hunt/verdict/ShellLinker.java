package org.exhunt.hunt.verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;

/**
 * Ties post-exploitation findings (web shells and other files) to the attack chain that put them there,
 * by the three rules of ARCHITECTURE.md, tried in this order:
 * <ol>
 *   <li>the finding is specific to a chain: its rule already names the chain (a Chopper inside OAB XML is
 *       ProxyLogon's; a PST-export {@code !BDN} shell is ProxyShell's);</li>
 *   <li>a chain's own evidence names the file's path (an OAB download path, an export request's
 *       {@code -FilePath}, in local or UNC form);</li>
 *   <li>the client that first requested the file used a chain's exploit within the 24 hours before;</li>
 *   <li>its evidence names the address of a client that used a chain's exploit within the 24 hours before (a
 *       command downloading from the attacker's own host: Security auditing's process events do not say which
 *       application pool started a shell, but the address the command fetches from can say whose it is).</li>
 * </ol>
 * Then a file that a linked finding names (the handler that linked command wrote) takes that finding's chain.
 * What no rule ties to a chain stays unlinked, in the Post-exploitation row.
 */
public final class ShellLinker {

    static final Duration SAME_CLIENT_WINDOW = Duration.ofHours(24);
    /** Evidence names under which readers give the client's address. */
    static final List<String> CLIENT_IP_FIELDS = List.of("c-ip", "ClientIpAddress", "client_ip", "ClientIP");

    /** A post-exploitation finding attributed to a chain, and why. */
    public record Link(Finding finding, String chain, String why) {}

    private ShellLinker() {}

    /**
     * @param postExploitation findings of stage POST_EXPLOITATION
     * @param chainFindings    findings attributed to a chain (stages ATTEMPT and SUCCESS)
     * @param requests         requests seen in the web logs
     * @return one link per post-exploitation finding; {@code chain} is null for the unlinked ones
     */
    public static List<Link> link(List<Finding> postExploitation, List<Finding> chainFindings, WebRequests requests) {
        List<Link> links = new ArrayList<>();
        for (Finding f : postExploitation) {
            links.add(specific(f)
                    .or(() -> namedByChain(f, chainFindings))
                    .or(() -> sameClient(f, chainFindings, requests))
                    .or(() -> namesClient(f, chainFindings))
                    .orElse(new Link(f, null, null)));
        }
        return sameFile(namedByLinked(links));
    }

    private static Optional<Link> namesClient(Finding f, List<Finding> chainFindings) {
        if (f.time() == null) return Optional.empty();
        return chainFindings.stream()
                .filter(c -> c.time() != null && !c.time().isAfter(f.time())
                        && Duration.between(c.time(), f.time()).compareTo(SAME_CLIENT_WINDOW) <= 0)
                .filter(c -> {
                    String ip = clientIp(c);
                    return ip != null && f.evidence().stream().anyMatch(e -> namesAddress(e.value(), ip));
                })
                .max(Comparator.comparing(Finding::time))
                .map(c -> new Link(f, c.chain(), "names " + clientIp(c) + ", which used the " + c.chain() + " exploit at "
                        + c.time()));
    }

    /** Whether a text holds an address as a whole token, not as part of a longer number or name. */
    static boolean namesAddress(String text, String ip) {
        for (int at = text.indexOf(ip); at >= 0; at = text.indexOf(ip, at + 1)) {
            int end = at + ip.length();
            if ((at == 0 || !addressChar(text.charAt(at - 1))) && (end == text.length() || !addressChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean addressChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ':';
    }

    /** Unlinked findings of a file that a linked finding names take that finding's chain. */
    private static List<Link> namedByLinked(List<Link> links) {
        List<Link> linked = links.stream().filter(l -> l.chain() != null).toList();
        if (linked.isEmpty()) return links;
        List<Link> out = new ArrayList<>(links.size());
        for (Link l : links) {
            String path = l.finding().evidence("path");
            String key = path == null ? null : PathKey.of(path);
            Link by = l.chain() != null || key == null ? null : linked.stream()
                    .filter(o -> o.finding() != l.finding() && o.finding().evidence().stream()
                            .anyMatch(e -> !e.name().equals("path") && PathKey.names(e.value(), key)))
                    .findFirst().orElse(null);
            out.add(by == null ? l : new Link(l.finding(), by.chain(), "its path is named by " + by.finding().ruleId()
                    + ", linked to " + by.chain() + " (" + by.why() + ")"));
        }
        return out;
    }

    /**
     * A file is one piece of evidence, whatever number of rules saw it: once one of its findings ties it to a
     * chain (its content is a PST export), its other findings (its name, its folder) are that chain's too.
     */
    private static List<Link> sameFile(List<Link> links) {
        Map<String, Link> linkedFiles = new HashMap<>();
        for (Link l : links) {
            String path = l.finding().evidence("path");
            if (l.chain() != null && path != null) linkedFiles.putIfAbsent(PathKey.of(path), l);
        }
        List<Link> out = new ArrayList<>(links.size());
        for (Link l : links) {
            String path = l.finding().evidence("path");
            Link first = l.chain() == null && path != null ? linkedFiles.get(PathKey.of(path)) : null;
            out.add(first == null ? l : new Link(l.finding(), first.chain(),
                    "same file as " + first.finding().ruleId() + ": " + first.why()));
        }
        return out;
    }

    private static Optional<Link> specific(Finding f) {
        return f.chain() == null ? Optional.empty()
                : Optional.of(new Link(f, f.chain(), "rule " + f.ruleId() + " is specific to " + f.chain()));
    }

    private static Optional<Link> namedByChain(Finding f, List<Finding> chainFindings) {
        String path = f.evidence("path");
        if (path == null) return Optional.empty();
        String key = PathKey.of(path);
        return chainFindings.stream()
                .filter(c -> c.evidence().stream().map(Evidence::value).anyMatch(v -> PathKey.names(v, key)))
                .min(Comparator.comparing(Finding::time, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(c -> new Link(f, c.chain(), "its path is named by " + c.chain() + " evidence (" + c.ruleId()
                        + (c.time() == null ? "" : ", " + c.time()) + ")"));
    }

    private static Optional<Link> sameClient(Finding f, List<Finding> chainFindings, WebRequests requests) {
        WebRequests.Request first = firstRequest(f, requests);
        if (first == null || first.clientIp() == null) return Optional.empty();
        return chainFindings.stream()
                .filter(c -> c.time() != null && first.clientIp().equals(clientIp(c)))
                .filter(c -> !c.time().isAfter(first.time())
                        && Duration.between(c.time(), first.time()).compareTo(SAME_CLIENT_WINDOW) <= 0)
                .max(Comparator.comparing(Finding::time))
                .map(c -> new Link(f, c.chain(), "first requested at " + first.time() + " by " + first.clientIp()
                        + ", which used the " + c.chain() + " exploit at " + c.time()));
    }

    /**
     * The first request to the file a finding names: from the web logs for a file found on disk, or the
     * finding's own request when it was read from a web log (a shell that may be gone from disk).
     */
    private static WebRequests.Request firstRequest(Finding f, WebRequests requests) {
        String url = f.evidence("url");
        Optional<WebRequests.PathRequests> seen = url == null ? Optional.empty() : requests.to(url);
        if (seen.isPresent()) return seen.get().first();
        String ip = clientIp(f);
        return ip != null && f.time() != null ? new WebRequests.Request(f.time(), ip, null, f.source()) : null;
    }

    /** The client address a finding's evidence names ({@code c-ip}, {@code ClientIpAddress}, ...), or null. */
    public static String clientIp(Finding f) {
        for (String name : CLIENT_IP_FIELDS) {
            for (Evidence e : f.evidence()) {
                if (e.name().equalsIgnoreCase(name)) return e.value();
            }
        }
        return null;
    }

    /** A file path in one comparable form: lower case, backslashes, admin shares of the local host as C:. */
    public static final class PathKey {
        private PathKey() {}

        public static String of(String path) {
            String p = path.toLowerCase(Locale.ROOT).replace('/', '\\');
            for (String host : new String[] {"\\\\localhost\\", "\\\\127.0.0.1\\", "\\\\?\\", "\\??\\"}) {
                p = p.replace(host + "c$\\", "c:\\").replace(host + "c:\\", "c:\\");
            }
            return p;
        }

        /** Whether a text names the file {@code key} (a {@link #of} form): the path, not a longer name starting with it. */
        public static boolean names(String text, String key) {
            String t = of(text);
            for (int at = t.indexOf(key); at >= 0; at = t.indexOf(key, at + 1)) {
                int end = at + key.length();
                if (end == t.length() || "\\\"' ;,<>|?&".indexOf(t.charAt(end)) >= 0) return true;
            }
            return false;
        }
    }
}
