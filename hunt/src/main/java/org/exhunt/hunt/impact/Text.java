package org.exhunt.hunt.impact;

import java.util.Locale;
import org.exhunt.core.IpAddress;
import org.exhunt.core.Limits;

/** Small helpers for the attacker's text the impact keeps: bounded, trimmed, absent when empty or a placeholder. */
final class Text {

    private Text() {}

    /** The value trimmed and cut to {@link Limits#IMPACT_TEXT_CHARS}, or null when absent, empty or {@code -}. */
    static String kept(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.isEmpty() || v.equals("-")) return null;
        return v.length() > Limits.IMPACT_TEXT_CHARS ? v.substring(0, Limits.IMPACT_TEXT_CHARS) : v;
    }

    /** A client address in one form (IPv4-mapped IPv6 as IPv4), or the text as written when it is no address. */
    static String address(String value) {
        String v = kept(value);
        if (v == null) return null;
        return IpAddress.parse(v).map(IpAddress::toString).orElse(v);
    }

    /** The key an account or mailbox is grouped by: lower case. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether an identity is the system's own, never a person's mailbox or password: SYSTEM and the service
     * accounts, anonymous, a computer account ({@code EXCH01$}), window-manager and font-driver sessions.
     */
    static boolean systemIdentity(String name) {
        String n = key(name);
        int slash = n.lastIndexOf('\\');
        String user = slash >= 0 ? n.substring(slash + 1) : n;
        return user.endsWith("$") || user.equals("system") || user.equals("local service") || user.equals("network service")
                || user.equals("anonymous logon") || user.equals("-") || user.startsWith("dwm-") || user.startsWith("umfd-")
                || n.equals("s-1-5-18") || n.equals("s-1-5-19") || n.equals("s-1-5-20") || n.equals("s-1-5-7")
                || n.startsWith("nt authority\\") || n.startsWith("font driver host\\") || n.startsWith("window manager\\");
    }
}
