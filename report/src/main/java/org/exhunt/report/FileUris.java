package org.exhunt.report;

import java.nio.charset.StandardCharsets;

/**
 * File names as URIs (RFC 3986, RFC 8089), the way SARIF locates artifacts: {@code /srv/x} becomes
 * {@code file:///srv/x}, {@code C:\inetpub\x} becomes {@code file:///C:/inetpub/x}, {@code \\host\share\x}
 * becomes {@code file://host/share/x}, and a relative name a relative reference. Backslashes are path
 * separators; every byte outside the characters RFC 3986 allows in a path segment is percent-encoded
 * from UTF-8, so a hostile file name yields a valid URI that decodes back to the same name.
 */
final class FileUris {

    private FileUris() {}

    static String of(String file) {
        String path = file.replace('\\', '/');
        if (path.length() >= 3 && isLetter(path.charAt(0)) && path.charAt(1) == ':' && path.charAt(2) == '/') {
            return "file:///" + path.charAt(0) + ":" + encode(path.substring(2));
        }
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            String host = slash < 0 ? path.substring(2) : path.substring(2, slash);
            return "file://" + encode(host) + (slash < 0 ? "/" : encode(path.substring(slash)));
        }
        if (path.startsWith("/")) return "file://" + encode(path);
        return encode(path);
    }

    /** Keeps unreserved characters, sub-delimiters, '@' and '/'; encodes the rest, ':' included. */
    private static String encode(String path) {
        StringBuilder s = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isLetter(c) || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return s.toString();
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
