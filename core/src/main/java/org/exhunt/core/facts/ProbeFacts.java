package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a probe of one target saw over the network.
 *
 * @param status        what the target turned out to be ({@code EXCHANGE_BUILD}, {@code EXCHANGE_CU},
 *                      {@code EXCHANGE_NO_VERSION}, {@code MITIGATED}, {@code NOT_EXCHANGE}, {@code REDIRECTED},
 *                      {@code NO_ANSWER}, {@code TLS_FAILURE}, {@code GARBAGE})
 * @param redirect      the {@code Location} of the first redirect the OWA pages answered with (what a
 *                      {@code REDIRECTED} target sent the probe to; never followed), or empty
 * @param pageTitle     the page's title, or empty
 * @param serverHeader  the {@code Server} header, or empty
 * @param requests      requests sent
 * @param certificate   the certificate presented, or null (plain HTTP, or no TLS handshake)
 * @param internalNames headers that name internal servers ({@code X-FEServer}) with their values, sorted by header
 * @param activeChecks  the exploit-primitive checks run (none without {@code --active})
 */
public record ProbeFacts(String status, String redirect, String pageTitle, String serverHeader, int requests,
                         Certificate certificate, Map<String, String> internalNames, List<ActiveCheckResult> activeChecks) implements Serializable {

    public ProbeFacts {
        internalNames = Collections.unmodifiableMap(new TreeMap<>(internalNames));
        activeChecks = List.copyOf(activeChecks);
    }
}
