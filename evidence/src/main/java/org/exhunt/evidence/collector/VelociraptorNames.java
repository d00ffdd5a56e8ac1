package org.exhunt.evidence.collector;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.exhunt.evidence.ExactNames;

/**
 * Velociraptor's names in a collection. Its zip writer URL-encodes, in each path segment, the characters
 * Windows cannot hold in a name ({@code ?"*:|<>%/\}), control bytes, bytes that are not UTF-8, and a leading
 * or trailing dot or space; a volume appears as {@code C%3A} (the {@code auto} and {@code file} accessors)
 * or {@code %5C%5C.%5CC%3A}, that is {@code \\.\C:} (the {@code ntfs}, {@code mft} and {@code lazy_ntfs}
 * accessors).
 */
final class VelociraptorNames {

    private VelociraptorNames() {}

    /** The drive letter a volume folder stands for ({@code C%3A}, {@code %5C%5C.%5CC%3A}, {@code C:}). */
    static Optional<Character> driveOf(String volume) {
        String v = decode(volume);
        if (v.startsWith("\\\\.\\")) v = v.substring(4);
        if (v.length() == 2 && v.charAt(1) == ':' && isLetter(v.charAt(0))) {
            return Optional.of(Character.toUpperCase(v.charAt(0)));
        }
        return Optional.empty();
    }

    /** Whether a volume folder is a shadow copy ({@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1}). */
    static boolean isShadowCopy(String volume) {
        return decode(volume).toLowerCase(Locale.ROOT).contains("harddiskvolumeshadowcopy");
    }

    /** Whether a folder name looks like a Velociraptor volume of any kind. */
    static boolean isVolume(String name) {
        return driveOf(name).isPresent() || decode(name).startsWith("\\\\");
    }

    /**
     * Decodes one segment: every {@code %XX} becomes the byte XX, and the bytes are read as UTF-8 (bytes that are
     * not UTF-8 are kept as {@code \xNN}, {@link ExactNames}). A '%' not followed by two hex digits stays as it is.
     */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int hi = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw[i + 2], 16) : -1;
            if (lo >= 0) {
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return ExactNames.decode(bytes.toByteArray());
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
