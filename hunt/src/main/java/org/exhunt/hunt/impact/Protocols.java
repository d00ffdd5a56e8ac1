package org.exhunt.hunt.impact;

import java.util.Locale;
import java.util.Set;

/**
 * The Exchange protocol a web request used, from its URL path (IIS) or HttpProxy's protocol folder, and which of them
 * carry a mailbox's mail. ECP serves a mailbox's settings, PowerShell, Autodiscover and OAB no mail: a request to them
 * says whose credentials were used, not which mail was read.
 */
final class Protocols {

    static final String EWS = "EWS";
    static final String OWA = "OWA";
    static final String MAPI = "MAPI";
    static final String ACTIVESYNC = "ActiveSync";
    static final String RPC = "RPC";
    static final String ECP = "ECP";
    static final String POWERSHELL = "PowerShell";
    static final String AUTODISCOVER = "Autodiscover";
    static final String OAB = "OAB";

    /** The protocols that carry mail: a request through them by an attacker reached the mailbox's content. */
    static final Set<String> MAIL = Set.of(EWS, OWA, MAPI, ACTIVESYNC, RPC);

    private static final String[][] STEMS = {
        {"/ews/", EWS}, {"/mapi/", MAPI}, {"/microsoft-server-activesync", ACTIVESYNC}, {"/rpc/", RPC},
        {"/ecp/", ECP}, {"/powershell", POWERSHELL}, {"/autodiscover/", AUTODISCOVER}, {"/oab/", OAB},
    };

    private Protocols() {}

    /** The protocol of an IIS request's URL path, or null for one no mailbox or account is known by. */
    static String ofStem(String stem) {
        if (stem.regionMatches(true, 0, "/owa/", 0, 5)) return powerShellPath(stem) ? POWERSHELL : OWA;
        for (String[] s : STEMS) {
            if (stem.regionMatches(true, 0, s[0], 0, s[0].length())) return s[1];
        }
        return null;
    }

    /** The protocol of an HttpProxy record, from its {@code Protocol} value or its folder ({@code Ews}, {@code Eas}, ...). */
    static String ofHttpProxy(String protocol, String stem) {
        if (stem != null && powerShellPath(stem)) return POWERSHELL;
        if (protocol == null) return null;
        String p = protocol.toLowerCase(Locale.ROOT);
        if (p.startsWith("owa")) return OWA;
        return switch (p) {
            case "ews" -> EWS;
            case "mapi" -> MAPI;
            case "eas", "activesync" -> ACTIVESYNC;
            case "rpchttp", "rpc" -> RPC;
            case "ecp" -> ECP;
            case "powershell" -> POWERSHELL;
            case "autodiscover" -> AUTODISCOVER;
            case "oab" -> OAB;
            default -> null;
        };
    }

    /** OWASSRF's {@code /owa/<address>/powershell}: remote PowerShell, no mail. */
    private static boolean powerShellPath(String stem) {
        return stem.toLowerCase(Locale.ROOT).contains("/powershell");
    }
}
