package org.exhunt.hunt.ioc;

import java.util.Locale;

/**
 * What is known of one file when indicators are matched against it: always its place and size, its digests
 * only when its content was read (lower-case hex, null otherwise).
 *
 * @param drive     the drive letter, upper case
 * @param drivePath the path on the drive, '/'-separated, without the drive letter
 */
public record FileFacts(char drive, String drivePath, long size, String sha256, String sha1, String md5) {

    /** The file's name, in lower case (Windows names ignore case). */
    public String lowerName() {
        return drivePath.substring(drivePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** The folder the file is in, in lower case, '/'-separated, without the drive: {@code programdata/pst}. */
    public String lowerFolder() {
        int slash = drivePath.lastIndexOf('/');
        return slash < 0 ? "" : drivePath.substring(0, slash).toLowerCase(Locale.ROOT);
    }
}
