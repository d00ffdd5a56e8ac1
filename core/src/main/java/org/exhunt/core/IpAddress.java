package org.exhunt.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, read from its literal form only: no name is ever looked up (unlike {@link
 * java.net.InetAddress#getByName}, which must never see evidence text). One parser for the whole program: the
 * indicator matcher, Sigma's {@code cidr} modifier and the reports agree on what an address is.
 *
 * <p>An address is held as IPv6's 16 bytes, an IPv4 address as its IPv4-mapped form ({@code ::ffff:10.1.2.3}), so
 * that {@code 10.1.2.3}, {@code ::ffff:10.1.2.3} and {@code ::ffff:a01:203} (as IIS logs clients of dual-stack
 * sites) are one address, inside the same ranges ({@link IpRange}).
 *
 * <p>The parser reads each character once, and no text longer than an address can be is read at all.
 */
public final class IpAddress {

    /** The longest text {@link #parse} reads: a full IPv6 address with brackets and an interface zone. */
    static final int MAX_TEXT = 64;
    /** The longest address as written ({@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}). */
    private static final int MAX_LITERAL = 45;
    private static final int MAPPED_PREFIX = 12;

    /** The 16 bytes, never changed once made ({@link IpRange} reads them). */
    final byte[] bytes;

    IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The address a text names, as logs and indicator lists write it: {@code 192.0.2.1}, {@code 2001:db8::1},
     * {@code ::ffff:192.0.2.1}, with surrounding white space, in brackets ({@code [::1]}) or with an IPv6 zone
     * ({@code fe80::1%12}); leading zeros of an IPv4 part are decimal ({@code 007} is 7). Empty when the text is
     * no address (a name, {@code host:port}, anything else).
     */
    public static Optional<IpAddress> parse(String text) {
        return Optional.ofNullable(read(text));
    }

    /** Like {@link #parse}, null when the text is no address: for callers that look at every log record. */
    public static IpAddress read(String text) {
        if (text == null || text.length() > MAX_TEXT) return null;
        String t = text.strip();
        int from = 0;
        int to = t.length();
        if (to >= 2 && t.charAt(0) == '[' && t.charAt(to - 1) == ']') {
            from = 1;
            to--;
        }
        int zone = t.indexOf('%', from);
        boolean v6 = t.indexOf(':', from) >= 0;
        if (zone >= 0 && zone < to) {
            if (!v6 || zone == to - 1) return null; // a zone belongs to an IPv6 address and names something
            to = zone;
        }
        byte[] b = v6 ? v6(t, from, to, false) : v4(t, from, to, false);
        return b == null ? null : new IpAddress(b);
    }

    /**
     * Whether a text is exactly an address as written in a standard form, nothing around it: no brackets, zone
     * or white space, and no leading zero in an IPv4 part (which some readers take for octal). What a consumer of
     * a report can index as an IP (ECS's {@code source.ip}).
     */
    public static boolean isLiteral(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LITERAL) return false;
        return (text.indexOf(':') >= 0 ? v6(text, 0, text.length(), true) : v4(text, 0, text.length(), true)) != null;
    }

    /** Whether this is an IPv4 address (written either way). */
    public boolean isIpv4() {
        for (int i = 0; i < 10; i++) if (bytes[i] != 0) return false;
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 192.0.2.1} for IPv4, all eight groups in hex ({@code 2001:db8:0:0:0:0:0:1}) for IPv6. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (isIpv4()) {
            for (int i = MAPPED_PREFIX; i < 16; i++) s.append(i > MAPPED_PREFIX ? "." : "").append(bytes[i] & 0xff);
        } else {
            for (int i = 0; i < 16; i += 2) {
                s.append(i > 0 ? ":" : "").append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff));
            }
        }
        return s.toString();
    }

    /** A dotted IPv4 address filling {@code s[from, to)}, as 16 bytes (mapped), or null. */
    private static byte[] v4(String s, int from, int to, boolean strict) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        return dotted(s, from, to, strict, out, MAPPED_PREFIX) ? out : null;
    }

    /** Writes the four parts of a dotted IPv4 address filling {@code s[from, to)} at {@code out[at]}. */
    private static boolean dotted(String s, int from, int to, boolean strict, byte[] out, int at) {
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= to || s.charAt(i) != '.') return false;
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && isDigit(s.charAt(i))) value = value * 10 + s.charAt(i++) - '0';
            int digits = i - start;
            if (digits == 0 || value > 255 || (strict && digits > 1 && s.charAt(start) == '0')) return false;
            out[at + part] = (byte) value;
        }
        return i == to;
    }

    /** An IPv6 address filling {@code s[from, to)}: hex groups, at most one {@code ::}, maybe a dotted tail. */
    private static byte[] v6(String s, int from, int to, boolean strict) {
        byte[] out = new byte[16];
        int n = 0;
        int gap = -1;
        int i = from;
        if (i + 1 < to && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            int d;
            while (i < to && i - start < 4 && (d = hex(s.charAt(i))) >= 0) {
                value = value << 4 | d;
                i++;
            }
            if (i < to && s.charAt(i) == '.') { // an IPv4 address ends the text, in the last 32 bits
                if (n > 12 || !dotted(s, start, to, strict, out, n)) return null;
                n += 4;
                break;
            }
            if (i == start || n == 16) return null;
            out[n++] = (byte) (value >> 8);
            out[n++] = (byte) value;
            if (i == to) break;
            if (s.charAt(i) != ':') return null;
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) return null;
                gap = n;
                i++;
            } else if (i == to) {
                return null; // a single ':' at the end
            }
        }
        if (gap < 0) return n == 16 ? out : null;
        if (n > 14) return null; // '::' stands for at least one group
        int tail = n - gap;
        System.arraycopy(out, gap, out, 16 - tail, tail);
        Arrays.fill(out, gap, 16 - tail, (byte) 0);
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An ASCII hex digit's value, or -1 (other scripts' digits are no part of an address). */
    private static int hex(char c) {
        if (isDigit(c)) return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
