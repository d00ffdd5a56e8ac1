package org.exhunt.hunt.verdict;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Log types (record types) as people call them, for verdict reasons: {@code exchange-httpproxy} is "HttpProxy". */
final class LogNames {

    private static final Map<String, String> NAMES = Map.of(
            "iis", "IIS",
            "exchange-httpproxy", "HttpProxy",
            "exchange-ecp-server", "ECP",
            "exchange-ecp-activity", "ECP activity",
            "exchange-oabgenerator", "OAB generator",
            "exchange-ews", "EWS",
            "exchange-rps", "remote PowerShell",
            "exchange-messagetracking", "message tracking",
            "evtx", "event");

    private LogNames() {}

    static String of(String type) {
        return NAMES.getOrDefault(type, type);
    }

    /** "IIS, HttpProxy or event", in a stable order. */
    static String list(Collection<String> types) {
        List<String> names = new TreeSet<>(types.stream().map(LogNames::of).toList()).stream().toList();
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
