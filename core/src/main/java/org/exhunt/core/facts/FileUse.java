package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file found or named as written (a web shell, a dump), and its use as the web logs show it.
 *
 * @param path          the file's path as on the server
 * @param titles        the titles of its findings, distinct, in report order
 * @param modified      the time of its first finding: the file's modification time, or the event that wrote it; or null
 * @param url           the URL path it is served under, or null when it is not served over the web
 * @param requests      requests to it in the web logs (0 when none, or when it is not served)
 * @param firstRequest  the first request's time, or null
 * @param lastRequest   the last request's time, or null
 * @param clients       client addresses of the requests, sorted (at most 20 are kept per URL)
 * @param requestsFromOtherClients requests from addresses not in {@code clients}, which the cap did not keep: counted,
 *                      though from how many addresses is not known
 * @param statuses      requests per HTTP status the log gives ({@code 200}, {@code 404}; {@code other} beyond four)
 */
public record FileUse(String path, List<String> titles, Instant modified, String url, long requests, Instant firstRequest,
                      Instant lastRequest, List<String> clients, long requestsFromOtherClients,
                      Map<String, Long> statuses) implements Serializable {

    public FileUse {
        titles = List.copyOf(titles);
        clients = List.copyOf(clients);
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
    }
}
