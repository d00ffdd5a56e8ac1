package org.exhunt.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;

/**
 * One log format read into {@link org.exhunt.core.Record}s. A reader never throws on bad content: a
 * malformed line or record becomes a positioned {@link Diagnostic} and reading goes on. Only an I/O failure
 * of the input itself ends the stream early, and that is reported too.
 */
public interface LogReader {

    /** The format's name, also the {@link org.exhunt.core.Record#type()} of its records ({@code iis}, {@code evtx}). */
    String format();

    /**
     * Whether this reader takes a file, judged from its name (as on the server, '/'-separated) and its first
     * bytes ({@link LogReaders#HEAD_BYTES} at most; fewer when the file is shorter).
     */
    boolean recognizes(String path, byte[] head);

    /**
     * Starts reading. Records come in file order; the stream must be closed.
     *
     * @param name     how diagnostics and {@link org.exhunt.core.SourceRef}s name the input
     * @param in       the content, read once from the start; closed with the stream
     * @param problems receives every problem met while reading
     */
    RecordStream open(String name, InputStream in, Consumer<Diagnostic> problems) throws IOException;

    /**
     * This format's reader that also recovers records a file holds besides those it lists (EVTX: records in chunk
     * slack and in blocks that are not valid chunks); a format with nothing to recover returns this reader.
     */
    default LogReader recovering() {
        return this;
    }
}
