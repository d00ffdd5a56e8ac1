package org.exhunt.core;

import java.util.Optional;

/**
 * A CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or one address, read by {@link IpAddress}'s parser.
 * IPv4 lies inside IPv6 as IPv4-mapped addresses ({@code ::ffff:0:0/96}), so {@code 10.0.0.0/8} is
 * {@code ::ffff:10.0.0.0/104}: it holds {@code 10.1.2.3} and {@code ::ffff:10.1.2.3} alike, and {@code ::/0}
 * holds every address.
 */
public final class IpRange {

    private static final int IPV4_IN_IPV6 = 96;

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * {@code 192.0.2.1}, {@code 192.0.2.0/24}, {@code 2001:db8::/32}, {@code ::ffff:0:0/96}; the address is
     * read as {@link IpAddress#parse} reads it, host bits are ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
     * Empty when the text is none of these, or the prefix is longer than the address (32 bits for IPv4 written
     * dotted, 128 for IPv6).
     */
    public static Optional<IpRange> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        int slash = t.indexOf('/');
        String written = slash < 0 ? t : t.substring(0, slash);
        IpAddress address = IpAddress.read(written);
        if (address == null) return Optional.empty();
        int bits = written.indexOf(':') >= 0 ? 128 : 32;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3) return Optional.empty();
            prefix = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c < '0' || c > '9') return Optional.empty();
                prefix = prefix * 10 + c - '0';
            }
            if (prefix > bits) return Optional.empty();
        }
        if (bits == 32) prefix += IPV4_IN_IPV6;
        return Optional.of(new IpRange(masked(address.bytes, prefix), prefix));
    }

    /** Whether the address lies in the range. */
    public boolean contains(IpAddress address) {
        byte[] a = address.bytes;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
        int rest = prefix % 8;
        return rest == 0 || ((a[full] ^ network[full]) & 0xff & (0xff << (8 - rest))) == 0;
    }

    /** Whether the range is one address. */
    public boolean isSingle() {
        return prefix == 128;
    }

    /** The range's first address (its only one when {@link #isSingle}). */
    public IpAddress first() {
        return new IpAddress(network.clone());
    }

    /** {@code 10.0.0.0/8}: an IPv4 range with its IPv4 prefix. */
    @Override
    public String toString() {
        IpAddress first = first();
        boolean v4 = first.isIpv4() && prefix >= IPV4_IN_IPV6;
        return first + "/" + (v4 ? prefix - IPV4_IN_IPV6 : prefix);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }
}
