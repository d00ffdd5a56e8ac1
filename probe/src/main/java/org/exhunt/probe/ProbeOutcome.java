package org.exhunt.probe;

import java.util.List;
import java.util.Map;
import org.exhunt.kb.BuildNumber;
import org.exhunt.probe.http.Fetched;
import org.exhunt.probe.http.TlsFacts;

/**
 * Everything one target's probe saw.
 *
 * @param target      the target
 * @param status      what it turned out to be
 * @param build       the build (three parts when only the CU showed), or {@code null}
 * @param buildSource where the build came from ({@code X-OWA-Version header}, ...), or empty
 * @param title       the page title, or empty
 * @param server      the {@code Server} header, or empty
 * @param tls         the certificate facts, or {@code null}
 * @param leaked      headers that name internal servers ({@code X-FEServer} ...), with their values
 * @param failure     why the target could not be probed, for the no-answer, TLS and garbage statuses
 * @param redirect    the {@code Location} of the first redirect the OWA pages answered with, or empty
 * @param active      the exploit-primitive checks run (empty without {@code --active})
 * @param requests    how many requests were sent
 */
public record ProbeOutcome(Target target, TargetStatus status, BuildNumber build, String buildSource, String title,
                           String server, TlsFacts tls, Map<String, String> leaked, Fetched.Failure failure,
                           String redirect, List<ActiveCheck> active, int requests) {

    public ProbeOutcome {
        leaked = Map.copyOf(leaked);
        active = List.copyOf(active);
    }
}
