package org.exhunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How a local file is opened for reading. The one seam through which tests make reads fail: CI runs as root,
 * where permissions cannot make a file unreadable.
 */
@FunctionalInterface
public interface FileOpener {

    InputStream open(Path file) throws IOException;

    /** Read-only opening through the JVM. */
    FileOpener READ_ONLY = file -> Files.newInputStream(file, StandardOpenOption.READ);
}
