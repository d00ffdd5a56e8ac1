package org.exhunt.yara.modules;

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

    int length() {
        return to - from;
    }

    /** Byte counts over the range (libyara's {@code get_distribution}). */
    long[] distribution(byte[] data) {
        long[] counts = new long[256];
        for (int i = from; i < to; i++) counts[data[i] & 0xFF]++;
        return counts;
    }
}
