package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.core.SourceRef;

/**
 * Requests seen in web logs to URL paths worth following (script files where web shells are dropped), kept
 * small: per path the first request, the last (each with where it was read), how many, how many per status, and
 * up to {@link #IPS_PER_PATH} client addresses and {@link #STATUSES_PER_PATH} statuses. At most {@link #PATHS}
 * paths are kept; more are counted, so a flood of requests cannot grow it unbounded.
 */
public final class WebRequests {

    static final int PATHS = 100_000;
    static final int IPS_PER_PATH = 20;
    static final int STATUSES_PER_PATH = 4;
    /** The status under which requests beyond {@link #STATUSES_PER_PATH} distinct statuses are counted. */
    static final String OTHER_STATUS = "other";

    /**
     * One request: when, from which client address, what the server answered (each null when the log does not
     * say), and where it was read.
     */
    public record Request(Instant time, String clientIp, String status, SourceRef source) {}

    /** Earlier first; at the same time, the earlier place in the logs, so that the outcome does not depend on thread order. */
    private static final Comparator<Request> ORDER = Comparator.comparing(Request::time)
            .thenComparing(r -> r.source() == null ? "" : r.source().file())
            .thenComparingLong(r -> r.source() == null ? -1 : r.source().line());

    /** What is kept of the requests to one path. */
    public static final class PathRequests {
        private Request first;
        private Request last;
        private long count;
        private final Set<String> clientIps = new TreeSet<>();
        private long fromOtherClients;
        private final Map<String, Long> statuses = new TreeMap<>();

        public Request first() { return first; }
        public Request last() { return last; }
        public long count() { return count; }
        public Set<String> clientIps() { return clientIps; }

        /**
         * Requests from addresses not in {@link #clientIps}, which holds {@link #IPS_PER_PATH} at most: what the cap
         * dropped, counted (how many addresses they came from is not known).
         */
        public long fromOtherClients() { return fromOtherClients; }

        /**
         * Requests per status the log gave ({@code 200}, {@code 404}), at most {@link #STATUSES_PER_PATH} of them and
         * {@link #OTHER_STATUS}; empty when the log records no status.
         */
        public Map<String, Long> statuses() { return statuses; }

        private void add(Request r) {
            count++;
            if (first == null || ORDER.compare(r, first) < 0) first = r;
            if (last == null || ORDER.compare(r, last) > 0) last = r;
            if (r.clientIp() != null && !clientIps.contains(r.clientIp())) {
                if (clientIps.size() < IPS_PER_PATH) clientIps.add(r.clientIp());
                else fromOtherClients++;
            }
            if (r.status() != null) {
                String status = statuses.containsKey(r.status()) || statuses.size() < STATUSES_PER_PATH ? r.status() : OTHER_STATUS;
                statuses.merge(status, 1L, Long::sum);
            }
        }
    }

    private final Map<String, PathRequests> byPath = new HashMap<>();
    private long dropped;

    /**
     * Records a request to a URL path (query excluded); paths compare case-insensitively, as IIS does.
     *
     * @param status what the server answered ({@code sc-status}), or null when the log does not say
     * @param source where the request was read
     */
    public synchronized void add(String urlPath, Instant time, String clientIp, String status, SourceRef source) {
        if (time == null) return;
        String key = key(urlPath);
        PathRequests p = byPath.get(key);
        if (p == null) {
            if (byPath.size() >= PATHS) {
                dropped++;
                return;
            }
            p = new PathRequests();
            byPath.put(key, p);
        }
        p.add(new Request(time, clientIp, status, source));
    }

    public synchronized Optional<PathRequests> to(String urlPath) {
        return Optional.ofNullable(byPath.get(key(urlPath)));
    }

    /** Requests not kept because the path cap was reached. */
    public synchronized long dropped() {
        return dropped;
    }

    private static String key(String urlPath) {
        String p = urlPath.toLowerCase(Locale.ROOT).replace('\\', '/');
        return p.startsWith("/") ? p : "/" + p;
    }
}
