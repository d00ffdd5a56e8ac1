package org.exhunt.hunt.ioc;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address or CIDR range, parsed from its literal form only: no name is ever looked up (unlike
 * {@link java.net.InetAddress#getByName}). IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}, as IIS logs
 * them on dual-stack sites) are taken as the IPv4 address they carry.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.0/24}, {@code 2001:db8::/32}, {@code ::1}; empty when it is none of these. */
    public static Optional<IpRange> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        byte[] address = address(slash < 0 ? t : t.substring(0, slash));
        if (address == null) return Optional.empty();
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return Optional.empty();
            prefix = Integer.parseInt(p);
            // a mapped IPv6 range (::ffff:0:0/96 and longer) narrows to the IPv4 range it covers
            if (address.length == 4 && t.indexOf(':') >= 0) prefix -= 96;
            if (prefix < 0 || prefix > bits) return Optional.empty();
        }
        return Optional.of(new IpRange(mask(address, prefix), prefix));
    }

    /** Whether an address (as from {@link #address}) lies in the range. */
    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) return false;
        return Arrays.equals(mask(address, prefix), network);
    }

    /** Whether the range is one address. */
    public boolean isSingle() {
        return prefix == network.length * 8;
    }

    /** The range's first address, as a map key: hex of its bytes. */
    public String key() {
        return HexFormat.of().formatHex(network);
    }

    /** An address's map key, comparable with {@link #key()} of single-address ranges. */
    public static String key(byte[] address) {
        return HexFormat.of().formatHex(address);
    }

    /**
     * The bytes of an address literal (4 for IPv4, 16 for IPv6, 4 for an IPv4-mapped IPv6 address), or null.
     * Brackets ({@code [::1]}) and an IPv6 zone ({@code fe80::1%12}) are allowed, as logs write them.
     */
    public static byte[] address(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        int zone = t.indexOf('%');
        if (zone >= 0) t = t.substring(0, zone);
        if (t.indexOf(':') < 0) return ipv4(t);
        byte[] v6 = ipv6(t);
        if (v6 == null) return null;
        for (int i = 0; i < 10; i++) if (v6[i] != 0) return v6;
        if (v6[10] == (byte) 0xff && v6[11] == (byte) 0xff) return Arrays.copyOfRange(v6, 12, 16);
        return v6;
    }

    private static byte[] ipv4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] ipv6(String t) {
        int gap = t.indexOf("::");
        if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) return null;
        String head = gap < 0 ? t : t.substring(0, gap);
        String tail = gap < 0 ? "" : t.substring(gap + 2);
        byte[] left = groups(head);
        byte[] right = groups(tail);
        if (left == null || right == null) return null;
        int total = left.length + right.length;
        if (gap < 0 ? total != 16 : total > 14) return null;
        byte[] out = new byte[16];
        System.arraycopy(left, 0, out, 0, left.length);
        System.arraycopy(right, 0, out, 16 - right.length, right.length);
        return out;
    }

    /** Colon-separated hex groups, the last of which may be a dotted IPv4 address; null when malformed. */
    private static byte[] groups(String s) {
        if (s.isEmpty()) return new byte[0];
        String[] parts = s.split(":", -1);
        byte[] out = new byte[parts.length * 2 + 2];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = ipv4(p);
                if (v4 == null) return null;
                System.arraycopy(v4, 0, out, n, 4);
                n += 4;
                continue;
            }
            if (p.isEmpty() || p.length() > 4) return null;
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) return null;
                v = v * 16 + d;
            }
            out[n++] = (byte) (v >> 8);
            out[n++] = (byte) v;
        }
        return Arrays.copyOf(out, n);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return key() + "/" + prefix;
    }
}
