package org.exhunt.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for paths on a server's drive. A drive path is '/'-separated and relative to the drive's root; the
 * drive letter is kept apart ({@link EvidenceFile#drive()}), so that {@code inetpub/...} means the same on a
 * plain copy of {@code C:\}, in a KAPE folder and in a Velociraptor zip.
 *
 * <p>Windows compares names without regard to case. NTFS does it with its {@code $UpCase} table, which
 * upper-cases each UTF-16 unit on its own; {@link #fold} does the same with Java's simple case mapping, which
 * agrees with that table for every letter an Exchange server's paths hold.
 */
public final class DrivePath {

    private static final int PRINTABLE_CHARS = 200;

    private DrivePath() {}

    /** The form two drive paths are compared in. */
    public static String fold(String path) {
        char[] chars = path.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = Character.toUpperCase(chars[i]);
        return new String(chars);
    }

    /** One key per file of a server: drive letter and folded path, {@code C:/INETPUB/...}. */
    public static String key(char drive, String path) {
        return Character.toUpperCase(drive) + ":/" + fold(path);
    }

    /**
     * Why a name stored in a collection (a zip entry's name) cannot be placed on a drive, if it cannot: an
     * absolute path, a drive letter, a {@code .} or {@code ..} segment, an empty segment or a control
     * character. Both '/' and '\' separate segments, as on Windows. exhunt never extracts, so such names cannot
     * write anywhere; they are refused because they could pose as another path (path traversal, "zip slip").
     */
    public static Optional<String> unsafe(String stored) {
        if (stored.isEmpty()) return Optional.of("empty name");
        char first = stored.charAt(0);
        if (first == '/' || first == '\\') return Optional.of("absolute path");
        if (stored.length() >= 2 && stored.charAt(1) == ':' && isLetter(first)) return Optional.of("drive letter");
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c < 0x20 || c == 0x7f) return Optional.of("control character in name");
        }
        for (String segment : segments(stored)) {
            if (segment.equals("..")) return Optional.of("'..' segment (path traversal)");
            if (segment.equals(".")) return Optional.of("'.' segment");
            if (segment.isEmpty()) return Optional.of("empty segment");
        }
        return Optional.empty();
    }

    /** The segments of a stored name that {@link #unsafe} accepted ('/' and '\' both separate). */
    public static List<String> segments(String stored) {
        int end = stored.length();
        if (end > 0 && isSeparator(stored.charAt(end - 1))) end--; // a folder entry's trailing separator
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || isSeparator(stored.charAt(i))) {
                out.add(stored.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    /** A name that came from evidence, safe to print in a message: control characters escaped, length capped. */
    public static String printable(String name) {
        StringBuilder s = new StringBuilder();
        int limit = Math.min(name.length(), PRINTABLE_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) s.append(String.format("\\x%02x", (int) c));
            else s.append(c);
        }
        if (name.length() > limit) s.append("…");
        return s.toString();
    }

    static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
