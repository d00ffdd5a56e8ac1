package org.exhunt.hunt.source;

import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;

/**
 * Evidence of one server as a drive view: every file with its path as on the server. Implementations never
 * write to what they read.
 */
public interface EvidenceSource {

    /** What the user gave: a path or an archive. */
    String describe();

    /**
     * Visits every file once. Anything that cannot be listed or followed is reported to {@code problems},
     * and the walk goes on.
     */
    void walk(Consumer<EvidenceFile> files, Consumer<Diagnostic> problems);
}
