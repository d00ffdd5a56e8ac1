package org.exhunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import org.exhunt.core.SourceRef;

/** A file on the local file system, placed on a server's drive. */
record LocalFile(Path file, BasicFileAttributes attrs, char drive, String drivePath, FileOpener opener)
        implements EvidenceFile {

    @Override
    public SourceRef ref() {
        return SourceRef.file(ExactNames.of(file));
    }

    @Override
    public long size() {
        return attrs.size();
    }

    @Override
    public Instant modified() {
        return attrs.lastModifiedTime().toInstant();
    }

    @Override
    public InputStream open() throws IOException {
        return opener.open(file);
    }
}
