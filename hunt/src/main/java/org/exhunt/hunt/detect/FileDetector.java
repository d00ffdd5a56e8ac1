package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;

/** Looks at the content of one file. Implementations are thread-safe: files are examined in parallel. */
public interface FileDetector {

    void examine(FileContent content, Consumer<Finding> findings);

    /**
     * Whether the detector needs the file's content. One that goes by name and place alone answers false, and is then
     * also run on files whose content could not be read ({@link FileContent#unread}): a shell nobody can read is
     * still a script where no script belongs.
     */
    default boolean needsContent() {
        return true;
    }

    /** Examines with the full sink; detectors that also report problems or tallies override this one. */
    default void examine(FileContent content, DetectionSink sink) {
        examine(content, sink::finding);
    }
}
