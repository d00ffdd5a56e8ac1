package org.exhunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.exhunt.core.FileFacts;
import org.exhunt.core.SourceRef;

/** One file of a server's evidence, seen both as it sits on the server's drive and where the user can find it. */
public interface EvidenceFile {

    /**
     * The path as on the server's drive, '/'-separated, relative to the drive's root and without the drive
     * letter (that is {@link #drive()}), in the case it was found in: {@code inetpub/wwwroot/aspnet_client/x.aspx}.
     * Compare it case-insensitively, as Windows does ({@link DrivePath#fold}).
     */
    String drivePath();

    /**
     * The drive the file is on, an upper-case letter: from the collection's layout (KAPE's {@code D/},
     * Velociraptor's {@code D%3A}), and {@code 'C'} for a folder or archive laid out like a single drive.
     */
    default char drive() {
        return 'C';
    }

    /** Where the user finds the file (a local path, or an archive and its entry). */
    SourceRef ref();

    long size();

    /** Last modification time, or {@code null} when the source does not keep one. */
    Instant modified();

    /** Opens the content for reading. Each call reads from the start; nothing is ever written. */
    InputStream open() throws IOException;

    /** The drive path in Windows form, {@code C:\inetpub\...}, for people who know the server. */
    default String windowsPath() {
        return FileFacts.windowsPath(drive(), drivePath());
    }

    /** What the listing knows of the file (place, size, modification time), for indicators and file records. */
    default FileFacts facts() {
        return new FileFacts(drive(), drivePath(), ref(), size(), modified(), null, null);
    }
}
