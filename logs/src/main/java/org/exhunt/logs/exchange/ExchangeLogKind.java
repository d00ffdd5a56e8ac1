package org.exhunt.logs.exchange;

import java.util.List;
import java.util.Locale;

/**
 * The Exchange CSV logs exhunt knows by name: their record type, the {@code #Log-type} values that name them
 * and the folders they live in (used when a file has no {@code #Log-type}), relative to the install path
 * ({@code Logging/...}) or {@code TransportRoles/Logs/...}.
 */
public enum ExchangeLogKind {

    HTTPPROXY("exchange-httpproxy", List.of("httpproxy logs"), List.of("/logging/httpproxy/")),
    ECP_SERVER("exchange-ecp-server", List.of("ecp server log"), List.of("/logging/ecp/server/")),
    ECP_ACTIVITY("exchange-ecp-activity", List.of("ecp activity context log", "ecp activity log"),
            List.of("/logging/ecp/activity/")),
    EWS("exchange-ews", List.of("ews logs"), List.of("/logging/ews/")),
    /** Remote PowerShell: {@code Rps Cmdlet Logs}, {@code Rps Http Logs} and the like. */
    RPS("exchange-rps", List.of("rps"), List.of("/logging/rpshttp/", "/logging/cmdletinfra/")),
    MESSAGE_TRACKING("exchange-messagetracking", List.of("message tracking log"),
            List.of("/transportroles/logs/messagetracking/", "/transportroles/logs/hub/messagetracking/")),
    /** Any other Exchange log-writer CSV log with a {@code #Log-type}. */
    OTHER("exchange", List.of(), List.of());

    private final String type;
    private final List<String> logTypes;   // lower case; RPS matches by prefix
    private final List<String> folders;    // lower case, '/'-separated

    ExchangeLogKind(String type, List<String> logTypes, List<String> folders) {
        this.type = type;
        this.logTypes = logTypes;
        this.folders = folders;
    }

    /** The {@link org.exhunt.core.Record#type()} of this kind's records. */
    public String type() {
        return type;
    }

    /** Whether a {@code #Log-type} value names this kind. */
    boolean namedBy(String logType) {
        String t = logType.toLowerCase(Locale.ROOT);
        if (this == RPS) return t.startsWith("rps");
        return logTypes.contains(t);
    }

    /** Whether a path (as from {@link org.exhunt.logs.text.Head#path}) lies in one of this kind's folders. */
    boolean holds(String path) {
        for (String f : folders) if (path.contains(f)) return true;
        return false;
    }
}
