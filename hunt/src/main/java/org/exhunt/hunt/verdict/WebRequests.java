package org.exhunt.hunt.verdict;

import java.io.Serializable;
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
 * paths are kept; more are counted, so a flood of requests cannot grow it unbounded. The requests of some logs kept on
 * another machine join these ({@link #absorb}) while no cap is reached; past one, what is kept depends on the order the
 * requests came in, and only a reading of all the logs in one place tells.
 */
public final class WebRequests implements Serializable {

    static final int PATHS = 100_000;
    static final int IPS_PER_PATH = 20;
    static final int STATUSES_PER_PATH = 4;
    /** The status under which requests beyond {@link #STATUSES_PER_PATH} distinct statuses are counted. */
    static final String OTHER_STATUS = "other";

    /**
     * One request: when, from which client address, what the server answered (each null when the log does not
     * say), and where it was read.
     */
    public record Request(Instant time, String clientIp, String status, SourceRef source) implements Serializable {}

    /** Earlier first; at the same time, the earlier place in the logs, so that the outcome does not depend on thread order. */
    private static final Comparator<Request> ORDER = Comparator.comparing(Request::time)
            .thenComparing(r -> r.source() == null ? "" : r.source().file())
            .thenComparingLong(r -> r.source() == null ? -1 : r.source().line());

    /** What is kept of the requests to one path. */
    public static final class PathRequests implements Serializable {
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

        /** Whether joining {@code other}'s requests keeps every client address and status both kept, none dropped. */
        private boolean joinsExactly(PathRequests other) {
            if (fromOtherClients > 0 || other.fromOtherClients > 0) return false;
            if (statuses.containsKey(OTHER_STATUS) || other.statuses.containsKey(OTHER_STATUS)) return false;
            Set<String> ips = new TreeSet<>(clientIps);
            ips.addAll(other.clientIps);
            Set<String> codes = new TreeSet<>(statuses.keySet());
            codes.addAll(other.statuses.keySet());
            return ips.size() <= IPS_PER_PATH && codes.size() <= STATUSES_PER_PATH;
        }

        private void join(PathRequests other) {
            count += other.count;
            if (first == null || ORDER.compare(other.first, first) < 0) first = other.first;
            if (last == null || ORDER.compare(other.last, last) > 0) last = other.last;
            clientIps.addAll(other.clientIps);
            other.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
        }

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

    /**
     * Adds the requests another reading of the same server's logs kept (other log files), when that gives what reading
     * all of them here would: no cap reached, by either or by both together. Returns false, and changes nothing, when
     * it would not.
     */
    public synchronized boolean absorb(WebRequests other) {
        Map<String, PathRequests> theirs;
        synchronized (other) {
            if (other.dropped > 0) return false;
            theirs = new HashMap<>(other.byPath);
        }
        if (dropped > 0) return false;
        long newPaths = theirs.keySet().stream().filter(p -> !byPath.containsKey(p)).count();
        if (byPath.size() + newPaths > PATHS) return false;
        for (Map.Entry<String, PathRequests> e : theirs.entrySet()) {
            PathRequests mine = byPath.get(e.getKey());
            if (mine != null && !mine.joinsExactly(e.getValue())) return false;
        }
        theirs.forEach((path, requests) -> byPath.computeIfAbsent(path, p -> new PathRequests()).join(requests));
        return true;
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
