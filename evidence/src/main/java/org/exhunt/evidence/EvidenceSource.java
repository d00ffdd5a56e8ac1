package org.exhunt.evidence;

import java.io.IOException;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;

/**
 * Evidence of one server as a drive view: every file with its path as on the server. Implementations never
 * write to what they read. {@link Sources#open} picks the implementation for a path the user gave.
 *
 * <p>Files handed out by {@link #walk} can be opened until the source is closed (a zip source keeps its
 * archive open for that).
 */
public interface EvidenceSource extends AutoCloseable {

    /** What the user gave: a path or an archive. */
    String describe();

    /**
     * Visits every file once. Anything that cannot be listed, followed or read is reported to
     * {@code problems} (at {@link Diagnostic.Level#ERROR} when some evidence is left unread), and the walk
     * goes on.
     */
    void walk(Consumer<EvidenceFile> files, Consumer<Diagnostic> problems);

    /** Releases what the source holds open; its files cannot be opened afterwards. */
    @Override
    default void close() throws IOException {}
}
