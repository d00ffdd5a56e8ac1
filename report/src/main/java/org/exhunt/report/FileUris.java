package org.exhunt.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * File names as URIs (RFC 3986, RFC 8089), the way SARIF locates artifacts: {@code /srv/x} becomes
 * {@code file:///srv/x}, {@code C:\inetpub\x} becomes {@code file:///C:/inetpub/x}, {@code \\host\share\x}
 * becomes {@code file://host/share/x}, and a relative name a relative reference. Backslashes are path
 * separators, except in a Unix path ({@code /} first), where a backslash belongs to a name and {@code \xNN}
 * stands for the byte NN of a name that is not UTF-8 (as the evidence module writes it); every byte outside the
 * characters RFC 3986 allows in a path segment is percent-encoded from UTF-8, so a hostile file name yields a
 * valid URI that decodes back to the same name (to the same bytes, for a Unix name that is not UTF-8).
 */
final class FileUris {

    private FileUris() {}

    static String of(String file) {
        if (file.startsWith("/") && !file.startsWith("//")) return "file://" + encode(unixBytes(file));
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

    /**
     * A path below a folder as a relative reference: in a Unix folder's tree ({@code unix}) a backslash belongs to a
     * name and {@code \xNN} is a byte, as in {@link #of}; elsewhere (a Windows folder, a zip's entries) backslashes
     * are separators.
     */
    static String relative(String path, boolean unix) {
        return unix ? encode(unixBytes(path)) : encode(path.replace('\\', '/'));
    }

    /** A Unix path's bytes: UTF-8, but each {@code \xNN} is the byte NN. */
    private static byte[] unixBytes(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length() + 16);
        int plain = 0;
        for (int i = path.indexOf("\\x"); i >= 0; i = path.indexOf("\\x", i + 1)) {
            if (i + 4 > path.length() || Character.digit(path.charAt(i + 2), 16) < 0 || Character.digit(path.charAt(i + 3), 16) < 0) {
                continue;
            }
            bytes.writeBytes(path.substring(plain, i).getBytes(StandardCharsets.UTF_8));
            bytes.write(Integer.parseInt(path, i + 2, i + 4, 16));
            plain = i + 4;
            i += 3;
        }
        bytes.writeBytes(path.substring(plain).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String encode(String path) {
        return encode(path.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps unreserved characters, sub-delimiters, '@' and '/'; encodes the rest, ':' included. */
    private static String encode(byte[] path) {
        StringBuilder s = new StringBuilder(path.length + 16);
        for (byte b : path) {
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
