package org.exhunt.hunt.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.exhunt.core.SourceRef;

/** One file of a server's evidence, seen both as it sits on the server's drive and where the user can find it. */
public interface EvidenceFile {

    /**
     * The path as on the server's system drive, '/'-separated, without drive letter, in the case it was
     * found in: {@code inetpub/wwwroot/aspnet_client/x.aspx}. Compare it case-insensitively, as Windows does.
     */
    String drivePath();

    /** Where the user finds the file (a local path, or an archive and its entry). */
    SourceRef ref();

    long size();

    /** Last modification time, or {@code null} when the source does not keep one. */
    Instant modified();

    /** Opens the content for reading. Each call reads from the start; nothing is ever written. */
    InputStream open() throws IOException;

    /** The drive path in Windows form, {@code C:\inetpub\...}, for people who know the server. */
    default String windowsPath() {
        return "C:\\" + drivePath().replace('/', '\\');
    }
}
