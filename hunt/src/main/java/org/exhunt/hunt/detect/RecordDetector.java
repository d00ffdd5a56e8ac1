package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Record;

/** Looks at one log record. Implementations are thread-safe: log files are read in parallel. */
public interface RecordDetector {

    void examine(Record record, Consumer<Finding> findings);

    /** Examines with the full sink; detectors that also report problems or tallies override this one. */
    default void examine(Record record, DetectionSink sink) {
        examine(record, sink::finding);
    }
}
