package org.exhunt.logs;

import java.util.List;
import java.util.Optional;
import org.exhunt.logs.json.JsonLogReader;

/**
 * The registry of log formats exhunt reads. Adding a format is one reader class and one line here; the
 * first reader that recognizes a file takes it.
 */
public final class LogReaders {

    /** How many leading bytes {@link LogReader#recognizes} gets to look at. */
    public static final int HEAD_BYTES = 4096;

    private static final List<LogReader> ALL = List.of(
            new JsonLogReader()
    );

    private LogReaders() {}

    public static List<LogReader> all() {
        return ALL;
    }

    /** The reader for a file, if any format recognizes it. */
    public static Optional<LogReader> forFile(String path, byte[] head) {
        return ALL.stream().filter(r -> r.recognizes(path, head)).findFirst();
    }
}
