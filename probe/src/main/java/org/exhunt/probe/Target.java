package org.exhunt.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing to probe, as the user named it: {@code host}, {@code host:port}, {@code [v6]:port} or a URL
 * ({@code https://host:port/}). HTTPS on port 443 unless said otherwise; any path is ignored, since Exchange's
 * paths start at the root.
 *
 * @param input  what the user wrote, for reports
 * @param scheme {@code https} or {@code http}
 * @param host   the host name or address (IPv6 without brackets)
 * @param port   the port
 */
public record Target(String input, String scheme, String host, int port) {

    public Target {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Target parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty target");
        String withScheme = t.contains("://") ? t : "https://" + (isBareIpv6(t) ? "[" + t + "]" : t);
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a host, host:port or URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("'" + text + "': only https and http targets can be probed");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' names no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) throw new IllegalArgumentException("'" + text + "': port out of range");
        return new Target(t, scheme, host, port);
    }

    private static boolean isBareIpv6(String t) {
        return t.indexOf(':') != t.lastIndexOf(':') && !t.startsWith("[");
    }

    /** {@code https://host:port} (brackets around an IPv6 address). */
    public String base() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL of a path on the target; the path must start with '/'. */
    public URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }
}
