package org.exhunt.yara.syntax;

import java.io.IOException;

/** Reads the file an {@code include "path"} names, relative to the including file when possible. */
@FunctionalInterface
public interface IncludeResolver {

    /** An included file's content and the name its positions will carry. */
    record Source(byte[] content, String name) {}

    Source resolve(String path, String includingFile) throws IOException;

    /** A resolver for sources without a file system: every include fails, as with includes disabled. */
    IncludeResolver NONE = (path, from) -> {
        throw new IOException("includes are disabled");
    };
}
