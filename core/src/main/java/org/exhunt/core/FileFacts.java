package org.exhunt.core;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What a source knows about a file besides its content: where it lies on the server, where the user finds it,
 * its size and times. The one description of a listed file, for its file record (logs' {@code FileRecords}) and
 * for the hunt's indicator matching (which adds the digests of the content when it was read).
 *
 * @param drive     the drive letter, upper case ({@code 'C'} for a folder or archive laid out like one drive)
 * @param drivePath the path on that drive, '/'-separated, without drive letter
 *                  ({@code inetpub/wwwroot/aspnet_client/x.aspx}), in the case it was found in
 * @param where     where the user finds the file (a local path, an archive entry)
 * @param size      bytes
 * @param modified  last write time, or null when the source does not keep it
 * @param created   creation time, or null
 * @param accessed  last access time, or null
 */
public record FileFacts(char drive, String drivePath, SourceRef where, long size, Instant modified, Instant created,
                        Instant accessed) implements Serializable {

    public FileFacts {
        Objects.requireNonNull(drivePath, "drivePath");
        Objects.requireNonNull(where, "where");
    }

    /** {@code C:\inetpub\...}: the path in Windows form, as people who know the server write it. */
    public String windowsPath() {
        return windowsPath(drive, drivePath);
    }

    /** {@code C:\inetpub\...} for a drive letter and a '/'-separated path on that drive. */
    public static String windowsPath(char drive, String drivePath) {
        return drive + ":\\" + drivePath.replace('/', '\\');
    }

    /** The file's name, as written: the last segment of the drive path. */
    public String name() {
        return drivePath.substring(drivePath.lastIndexOf('/') + 1);
    }

    /** The folder the file is in, as a drive path ({@code inetpub/wwwroot}); empty at the drive's root. */
    public String folder() {
        int slash = drivePath.lastIndexOf('/');
        return slash < 0 ? "" : drivePath.substring(0, slash);
    }
}
