package org.exhunt.yara.modules;

import org.exhunt.yara.data.Deadline;
import org.exhunt.yara.data.ScanData;

/**
 * What module code may see of the scan: the data, and a per-scan cache (so that {@code hash.md5(0,
 * filesize)} in 200 rules hashes the file once).
 */
public interface ModuleContext {

    /** The scanned bytes: valid indices are 0 until {@link #dataSize()}. */
    ScanData data();

    int dataSize();

    /** The scan's deadline, which a pass over the data ticks as it goes. */
    Deadline deadline();

    /** A value cached for this scan under {@code key}, computed once. */
    <T> T cached(Object key, java.util.function.Supplier<T> compute);
}
