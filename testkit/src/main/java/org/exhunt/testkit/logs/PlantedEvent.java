package org.exhunt.testkit.logs;

import java.time.Instant;

/**
 * An attack step planted in generated logs. Each log kind writes the trace the step leaves in that log, the
 * way Exchange and IIS write it; a kind the step leaves no trace in ignores it (an OAB download failure shows
 * only in OABGeneratorLog). Every planted event appears exactly once per log that shows it, at its time (or at
 * the start of the log when its time is earlier, or at the end when the log reaches its size first).
 */
public sealed interface PlantedEvent {

    /** When it happened. */
    Instant at();

    /**
     * ProxyLogon's SSRF (CVE-2021-26855): a request to {@code /ecp/<x>.js} whose {@code X-BEResource} cookie
     * sends it to the back end, logged by HttpProxy with AnchorMailbox {@code ServerInfo~a]@<backend>:444/<path>#}
     * and no authenticated user; in IIS a POST to the same {@code .js}.
     *
     * @param path the back-end path, e.g. {@code ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory}
     */
    record ProxyLogonSsrf(Instant at, String attackerIp, String backendHost, String path) implements PlantedEvent {
        /** The probe every ProxyLogon exploit starts with. */
        public static ProxyLogonSsrf probe(Instant at, String attackerIp, String backendHost) {
            return new ProxyLogonSsrf(at, attackerIp, backendHost, "autodiscover/autodiscover.xml?");
        }
    }

    /**
     * ProxyShell's path confusion (CVE-2021-34473): {@code /autodiscover/autodiscover.json?@<email>/<target>?&Email=autodiscover/autodiscover.json%3F@<email>},
     * answered 200; in IIS and in the Autodiscover HttpProxy log.
     *
     * @param target the back-end endpoint, e.g. {@code mapi/nspi/} or {@code powershell/}
     */
    record ProxyShell(Instant at, String attackerIp, String email, String target) implements PlantedEvent {}

    /**
     * CVE-2021-27065's web-shell write: ECP runs {@code Set-OabVirtualDirectory -ExternalUrl 'http://f/<script…>'}
     * (ECP Server log), reached through the SSRF (IIS and HttpProxy: {@code /ecp/DDI/DDIService.svc/SetObject}).
     */
    record OabWebShellWrite(Instant at, String attackerIp, String backendHost) implements PlantedEvent {}

    /**
     * CVE-2021-26858's file write, as OABGeneratorLog records it:
     * {@code Download failed and temporary file '<path>' needs to be removed}.
     */
    record OabDownloadFailed(Instant at, String path) implements PlantedEvent {}

    /** A request to a dropped web shell ({@code /aspnet_client/system_web/errorEE.aspx}); IIS and OWA HttpProxy. */
    record WebShellRequest(Instant at, String attackerIp, String path) implements PlantedEvent {}
}
