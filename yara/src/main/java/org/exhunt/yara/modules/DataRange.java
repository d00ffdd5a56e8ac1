package org.exhunt.yara.modules;

import org.exhunt.yara.data.ScanData;

/**
 * The {@code (offset, length)} arguments of module functions over the scanned data, with libyara's rules:
 * negative values are undefined, so is an offset at or past the end; a length past the end is cut.
 */
record DataRange(int from, int to) {

    /** The range, or null when libyara would return undefined. */
    static DataRange of(long offset, long length, int dataSize) {
        if (offset < 0 || length < 0 || offset >= dataSize) return null;
        long end = Math.min((long) dataSize, offset + length);
        if (offset + length < 0) end = dataSize;
        return new DataRange((int) offset, (int) end);
    }

    /** Bytes a pass over the data reads between two ticks of the scan's deadline (a power of two). */
    static final int CHUNK = 64 * 1024;

    int length() {
        return to - from;
    }

    /** Byte counts over the range (libyara's {@code get_distribution}). */
    long[] distribution(ModuleContext c) {
        ScanData data = c.data();
        long[] counts = new long[256];
        for (int at = from; at < to; at += CHUNK) {
            c.deadline().tick();
            int end = Math.min(to, at + CHUNK);
            for (int i = at; i < end; i++) counts[data.get(i) & 0xFF]++;
        }
        return counts;
    }

    /** The range's bytes as views of at most {@link #CHUNK} bytes each, the deadline ticked before each. */
    void chunks(ModuleContext c, java.util.function.Consumer<java.nio.ByteBuffer> consumer) {
        for (int at = from; at < to; at += CHUNK) {
            c.deadline().tick();
            consumer.accept(c.data().slice(at, Math.min(to, at + CHUNK)));
        }
    }
}
