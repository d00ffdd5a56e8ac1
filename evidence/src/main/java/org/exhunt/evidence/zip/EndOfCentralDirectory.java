package org.exhunt.evidence.zip;

import java.io.IOException;

/**
 * The end-of-central-directory record (and its Zip64 form): how many entries an archive lists and how big its
 * central directory is. Read before the central directory itself, so that an archive declaring millions of
 * entries is refused before it costs memory.
 *
 * @param entries        the number of entries the archive declares
 * @param directoryBytes the size of its central directory
 */
record EndOfCentralDirectory(long entries, long directoryBytes) {

    private static final int RECORD = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final int SIG_END = 0x06054b50;
    private static final int SIG_ZIP64_LOCATOR = 0x07064b50;
    private static final int SIG_ZIP64_END = 0x06064b50;

    /** The record, or null when there is none (a truncated or damaged archive). */
    static EndOfCentralDirectory find(RandomAccess data) throws IOException {
        long size = data.size();
        if (size < RECORD) return null;
        int tailLength = (int) Math.min(size, RECORD + MAX_COMMENT);
        long tailStart = size - tailLength;
        byte[] tail = data.readFully(tailStart, tailLength);
        for (int i = tailLength - RECORD; i >= 0; i--) {
            if (u32(tail, i) != SIG_END || i + RECORD + u16(tail, i + 20) > tailLength) continue;
            long entries = u16(tail, i + 10);
            long directoryBytes = u32(tail, i + 12);
            long eocdAt = tailStart + i;
            if ((entries == 0xffff || directoryBytes == 0xffffffffL) && eocdAt >= 20) {
                byte[] locator = data.readFully(eocdAt - 20, 20);
                if (u32(locator, 0) == SIG_ZIP64_LOCATOR) {
                    long zip64At = u64(locator, 8);
                    if (zip64At >= 0 && zip64At + 56 <= size) {
                        byte[] zip64 = data.readFully(zip64At, 56);
                        if (u32(zip64, 0) == SIG_ZIP64_END) return new EndOfCentralDirectory(u64(zip64, 32), u64(zip64, 40));
                    }
                }
            }
            return new EndOfCentralDirectory(entries, directoryBytes);
        }
        return null;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
