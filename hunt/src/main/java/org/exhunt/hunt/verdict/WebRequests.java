package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Requests seen in web logs to URL paths worth following (script files where web shells are dropped), kept
 * small: per path the first request, the last, how many, and up to {@link #IPS_PER_PATH} client addresses.
 * At most {@link #PATHS} paths are kept; more are counted, so a flood of requests cannot grow it unbounded.
 */
public final class WebRequests {

    static final int PATHS = 100_000;
    static final int IPS_PER_PATH = 20;

    /** One request: when, and from which client address (null when the log does not say). */
    public record Request(Instant time, String clientIp) {}

    /** What is kept of the requests to one path. */
    public static final class PathRequests {
        private Request first;
        private Request last;
        private long count;
        private final Set<String> clientIps = new TreeSet<>();

        public Request first() { return first; }
        public Request last() { return last; }
        public long count() { return count; }
        public Set<String> clientIps() { return clientIps; }

        private void add(Request r) {
            count++;
            if (first == null || r.time().isBefore(first.time())) first = r;
            if (last == null || r.time().isAfter(last.time())) last = r;
            if (r.clientIp() != null && clientIps.size() < IPS_PER_PATH) clientIps.add(r.clientIp());
        }
    }

    private final Map<String, PathRequests> byPath = new HashMap<>();
    private long dropped;

    /** Records a request to a URL path (query excluded); paths compare case-insensitively, as IIS does. */
    public synchronized void add(String urlPath, Instant time, String clientIp) {
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
        p.add(new Request(time, clientIp));
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
