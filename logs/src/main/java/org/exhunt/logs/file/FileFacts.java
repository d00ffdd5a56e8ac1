package org.exhunt.logs.file;

import java.time.Instant;
import java.util.Objects;
import org.exhunt.core.SourceRef;

/**
 * What a source knows about a file besides its content.
 *
 * @param drivePath the path on the server's system drive, '/'-separated, without drive letter
 *                  ({@code inetpub/wwwroot/aspnet_client/x.aspx})
 * @param where     where the user finds the file (a local path, an archive entry)
 * @param size      bytes
 * @param modified  last write time, or null when the source does not keep it
 * @param created   creation time, or null
 * @param accessed  last access time, or null
 */
public record FileFacts(String drivePath, SourceRef where, long size, Instant modified, Instant created, Instant accessed) {

    public FileFacts {
        Objects.requireNonNull(drivePath, "drivePath");
        Objects.requireNonNull(where, "where");
    }

    /** {@code C:\inetpub\...}: the drive path in Windows form, as people who know the server write it. */
    public String windowsPath() {
        return "C:\\" + drivePath.replace('/', '\\');
    }
}
