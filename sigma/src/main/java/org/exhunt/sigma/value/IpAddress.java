package org.exhunt.sigma.value;

/**
 * Reads IPv4 ({@code 10.1.2.3}) and IPv6 ({@code fe80::1}, {@code ::ffff:10.1.2.3}, with an optional
 * {@code %zone}) literals into bytes, without ever resolving a name.
 */
public final class IpAddress {

    private IpAddress() {}

    /** 4 or 16 bytes, or {@code null} when the text is no address. */
    public static byte[] parse(String s) {
        if (s.isEmpty() || s.length() > 64) return null;
        if (s.indexOf(':') >= 0) return v6(s);
        return v4(s);
    }

    private static byte[] v4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part >= 4) return null;
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte[] v6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) return null;
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        byte[] h = groups(head);
        byte[] t = groups(tail);
        if (h == null || t == null) return null;
        if (gap < 0 ? h.length != 16 : h.length + t.length > 14) return null;
        byte[] out = new byte[16];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(t, 0, out, 16 - t.length, t.length);
        return out;
    }

    /** Colon-separated hex groups, the last of which may be an IPv4 address. */
    private static byte[] groups(String s) {
        if (s.isEmpty()) return new byte[0];
        String[] g = s.split(":", -1);
        byte[] out = new byte[g.length * 2 + 2];
        int n = 0;
        for (int i = 0; i < g.length; i++) {
            if (i == g.length - 1 && g[i].indexOf('.') >= 0) {
                byte[] v4 = v4(g[i]);
                if (v4 == null) return null;
                System.arraycopy(v4, 0, out, n, 4);
                n += 4;
                continue;
            }
            if (g[i].isEmpty() || g[i].length() > 4) return null;
            int v;
            try {
                v = Integer.parseInt(g[i], 16);
            } catch (NumberFormatException e) {
                return null;
            }
            out[n++] = (byte) (v >> 8);
            out[n++] = (byte) v;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
