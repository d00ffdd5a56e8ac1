package org.exhunt.logs;

import java.io.Closeable;
import java.util.Iterator;
import org.exhunt.core.Record;

/** The records of one input, pulled one at a time, so that many inputs can be merged by time. */
public interface RecordStream extends Iterator<Record>, Closeable {

    /** True when the whole input was read; false when reading stopped early (reported as a diagnostic). */
    boolean complete();
}
