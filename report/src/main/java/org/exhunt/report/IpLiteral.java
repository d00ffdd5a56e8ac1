package org.exhunt.report;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a text is an IP address written out, without ever asking DNS: evidence text is the attacker's,
 * and a report writer must not resolve names. IPv4 is checked here; a text with a colon is handed to
 * {@link InetAddress#getByName}, which parses it as an IPv6 literal and never looks it up.
 */
final class IpLiteral {

    private IpLiteral() {}

    static boolean is(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) return false;
        if (text.indexOf(':') >= 0) return isIpv6(text);
        return isIpv4(text);
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) return false;
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') return false;
            }
            if (Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    private static boolean isIpv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
            if (!allowed) return false; // also keeps out '%' scopes, '[' and names
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
