package org.exhunt.testkit.evtx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Damage done to a written EVTX file, as incident responders find it: where its records lie, and records moved
 * into a chunk's slack (the space after its last listed record, where a reused chunk keeps older events), with
 * the checksums made right again so that only the slack tells.
 */
public final class EvtxDamage {

    /** Bytes of the file header, and of a chunk. */
    public static final int HEADER = 4096;
    public static final int CHUNK = 65536;

    private EvtxDamage() {}

    /** The file offset of chunk {@code index}. */
    public static int chunk(int index) {
        return HEADER + index * CHUNK;
    }

    /** Record offsets in chunk {@code index}, found by walking the records from 512 to the free-space offset. */
    public static List<Integer> recordOffsets(byte[] b, int index) {
        int chunk = chunk(index);
        int free = le(b).getInt(chunk + 48);
        List<Integer> offsets = new ArrayList<>();
        for (int p = chunk + 512; p < chunk + free; p += le(b).getInt(p + 4)) offsets.add(p);
        return offsets;
    }

    /**
     * Moves the last {@code count} records of chunk {@code index} into its slack: the chunk's free-space offset is
     * set to where the first of them begins, and the checksums are made right for that.
     */
    public static void hideInSlack(byte[] b, int index, int count) {
        List<Integer> records = recordOffsets(b, index);
        int chunk = chunk(index);
        le(b).putInt(chunk + 48, records.get(records.size() - count) - chunk);
        fixChunkChecksums(b, chunk);
    }

    /** Recomputes a chunk's data and header CRC32s (at {@code chunk}, a file offset). */
    public static void fixChunkChecksums(byte[] b, int chunk) {
        CRC32 data = new CRC32();
        data.update(b, chunk + 512, le(b).getInt(chunk + 48) - 512);
        le(b).putInt(chunk + 52, (int) data.getValue());
        CRC32 header = new CRC32();
        header.update(b, chunk, 120);
        header.update(b, chunk + 128, 384);
        le(b).putInt(chunk + 124, (int) header.getValue());
    }

    /** The bytes as a little-endian buffer, the byte order of every EVTX field. */
    public static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
