package org.exhunt.hunt.ioc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import org.exhunt.core.IpRange;

/**
 * Checks and normalizes the values of indicators as lists and STIX patterns write them: digests, file names,
 * Windows paths, addresses, URLs. A value that is not what its kind says throws {@link IllegalArgumentException}
 * with a message for the user; the loaders turn it into a positioned diagnostic.
 */
public final class IndicatorValues {

    /** The folders of a default Windows install that indicator paths may name by environment variable. */
    private static final Map<String, String> FOLDERS = Map.of(
            "%programdata%", "C:\\ProgramData",
            "%windir%", "C:\\Windows",
            "%systemroot%", "C:\\Windows",
            "%programfiles%", "C:\\Program Files",
            "%systemdrive%", "C:");

    private IndicatorValues() {}

    /** A digest of {@code hexChars} hex digits, in lower case. */
    public static String digest(String value, int hexChars, String kind) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.length() != hexChars || !v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a " + kind + " has " + hexChars + " hex digits, not: " + value.strip());
        }
        return v;
    }

    /** A file name: no folder, not empty; in lower case. */
    public static String fileName(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.indexOf('\\') >= 0 || v.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a file name (give folders as a path): " + v);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** An address or CIDR range. */
    public static IpRange address(String value) {
        return IpRange.parse(value).orElseThrow(() -> new IllegalArgumentException(
                "not an IPv4 or IPv6 address or CIDR range: " + value.strip()));
    }

    /** The path of a URL ({@code http://host/owa/auth/x.aspx?y} or {@code /owa/auth/x.aspx}), in lower case. */
    public static String urlPath(String value) {
        String v = value.strip();
        if (v.startsWith("/")) return stripQuery(v).toLowerCase(Locale.ROOT);
        try {
            URI u = new URI(v);
            if (u.getScheme() == null || u.getRawPath() == null || u.getRawPath().isEmpty()) {
                throw new IllegalArgumentException("not a URL or a path starting with '/': " + v);
            }
            return u.getRawPath().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + v + " (" + e.getReason() + ")");
        }
    }

    /**
     * A Windows path as a file indicator's place: {@code C:\Windows\Temp\cw.exe} is that file, {@code
     * C:\ProgramData\pst\} (ending with a backslash) any file below that folder. The drive letter may be left
     * out (any drive) and the first folder may be one of the default {@code %ProgramData%}-style variables.
     */
    public static FileIndicator path(String value, IndicatorSource source) {
        String v = expand(value.strip()).replace('/', '\\');
        char drive = 0;
        if (v.length() >= 2 && v.charAt(1) == ':' && Character.isLetter(v.charAt(0))) {
            drive = Character.toUpperCase(v.charAt(0));
            v = v.substring(2);
        }
        if (!v.startsWith("\\") || v.contains("%") || v.contains("\\..\\") || v.equals("\\")) {
            throw new IllegalArgumentException("not an absolute Windows path (C:\\folder\\file or C:\\folder\\): " + value.strip());
        }
        String p = v.substring(1).replace('\\', '/').toLowerCase(Locale.ROOT);
        if (p.endsWith("/")) return new FileIndicator(null, null, null, null, null, p.substring(0, p.length() - 1), drive, true, source);
        int slash = p.lastIndexOf('/');
        String folder = slash < 0 ? "" : p.substring(0, slash);
        return new FileIndicator(null, null, null, p.substring(slash + 1), null, folder, drive, false, source);
    }

    /** A folder (STIX {@code directory} path or {@code parent_directory_ref.path}) as a drive path and drive. */
    public static FileIndicator folder(String value, IndicatorSource source) {
        String v = value.strip();
        FileIndicator any = path(v.endsWith("\\") || v.endsWith("/") ? v : v + "\\", source);
        return new FileIndicator(null, null, null, null, null, any.folder(), any.drive(), false, source);
    }

    private static String expand(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : FOLDERS.entrySet()) {
            if (lower.startsWith(e.getKey())) return e.getValue() + v.substring(e.getKey().length());
        }
        return v;
    }

    private static String stripQuery(String v) {
        int q = v.indexOf('?');
        return q < 0 ? v : v.substring(0, q);
    }
}
