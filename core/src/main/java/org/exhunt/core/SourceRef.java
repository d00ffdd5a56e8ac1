package org.exhunt.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a piece of evidence sits: a file as the user knows it (a path on the server's drive, or inside an
 * archive), and within it a line, a byte offset or a record id. Unknown parts are -1 or null.
 */
public record SourceRef(String file, long line, long offset, String recordId) implements Serializable {

    public SourceRef {
        Objects.requireNonNull(file, "file");
    }

    public static SourceRef file(String file) {
        return new SourceRef(file, -1, -1, null);
    }

    public static SourceRef line(String file, long line) {
        return new SourceRef(file, line, -1, null);
    }

    public static SourceRef offset(String file, long offset) {
        return new SourceRef(file, -1, offset, null);
    }

    public static SourceRef record(String file, String recordId) {
        return new SourceRef(file, -1, -1, recordId);
    }

    public boolean hasLine() {
        return line >= 0;
    }

    public boolean hasOffset() {
        return offset >= 0;
    }

    /** {@code file}, {@code file:line}, {@code file@offset} or {@code file#record}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (hasLine()) s.append(':').append(line);
        if (hasOffset()) s.append('@').append(offset);
        if (recordId != null) s.append('#').append(recordId);
        return s.toString();
    }
}
