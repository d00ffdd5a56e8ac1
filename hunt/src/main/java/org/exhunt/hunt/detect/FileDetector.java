package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;

/** Looks at the content of one file. Implementations are thread-safe: files are examined in parallel. */
public interface FileDetector {

    void examine(FileContent content, Consumer<Finding> findings);

    /** Examines with the full sink; detectors that also report problems or tallies override this one. */
    default void examine(FileContent content, DetectionSink sink) {
        examine(content, sink::finding);
    }
}
