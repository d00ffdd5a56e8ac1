package org.exhunt.hunt.ioc;

import java.util.Locale;
import org.exhunt.core.FileFacts;

/**
 * A file known by some of its properties, all of which must hold (STIX's AND within one observation): its
 * digests, its name, its size, the folder it is in. Absent properties (null) are not tested.
 *
 * @param sha256    lower-case hex, or null
 * @param sha1      lower-case hex, or null
 * @param md5       lower-case hex, or null
 * @param name      the file name in lower case, or null
 * @param size      the size in bytes, or null
 * @param folder    the folder as a drive path in lower case ({@code programdata/pst}), or null
 * @param drive     the folder's drive letter, or 0 for any drive
 * @param recursive whether files in sub-folders of {@code folder} match too
 */
public record FileIndicator(String sha256, String sha1, String md5, String name, Long size, String folder, char drive,
                            boolean recursive, IndicatorSource source) {

    /** Whether the indicator names the file's content (a digest), rather than only where or what it is called. */
    public boolean isContent() {
        return sha256 != null || sha1 != null || md5 != null;
    }

    /** Whether the file holds every property the indicator gives (names and folders compared ignoring case). */
    public boolean matches(FileFacts f, FileDigests d) {
        if (sha256 != null && !sha256.equals(d.sha256())) return false;
        if (sha1 != null && !sha1.equals(d.sha1())) return false;
        if (md5 != null && !md5.equals(d.md5())) return false;
        if (name != null && !name.equals(lower(f.name()))) return false;
        if (size != null && size != f.size()) return false;
        if (drive != 0 && drive != f.drive()) return false;
        if (folder == null) return true;
        String in = lower(f.folder());
        return in.equals(folder) || (recursive && in.startsWith(folder + "/"));
    }

    /** Windows names ignore case: indicators keep names and folders in lower case, and files are compared so. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** What the indicator tests, for findings: {@code sha256}, {@code name}, {@code path}. */
    public String matchedBy() {
        if (sha256 != null) return "sha256";
        if (sha1 != null) return "sha1";
        if (md5 != null) return "md5";
        return folder != null ? "path" : "name";
    }
}
