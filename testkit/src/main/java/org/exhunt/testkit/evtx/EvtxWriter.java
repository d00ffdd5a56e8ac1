package org.exhunt.testkit.evtx;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes an EVTX file: the 4,096-byte header, then 64 KiB chunks filled with records one event at a time,
 * so files of any size take one chunk of memory. Record ids count from 1. The header (chunk count, next
 * record id, clean flags, checksum) is written when the writer is closed.
 */
public final class EvtxWriter implements Closeable {

    private static final int HEADER_SIZE = 4096;

    private final FileChannel file;               // null when writing to memory
    private final ByteArrayOutputStream memory;   // null when writing to a file
    private final Map<String, byte[]> templateGuids = new HashMap<>();
    private ChunkEncoder chunk = new ChunkEncoder(templateGuids);
    private int chunks;
    private long nextRecordId = 1;

    private EvtxWriter(FileChannel file, ByteArrayOutputStream memory) throws IOException {
        this.file = file;
        this.memory = memory;
        write(new byte[HEADER_SIZE]);   // the header is filled in by close()
    }

    /** A writer that creates (or replaces) {@code path}. */
    public static EvtxWriter create(Path path) throws IOException {
        return new EvtxWriter(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE), null);
    }

    /** A whole file in memory, for small test files. */
    public static byte[] toBytes(List<EvtxEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EvtxWriter writer = new EvtxWriter(null, out)) {
            for (EvtxEvent e : events) writer.write(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // memory does not fail
        }
        return out.toByteArray();
    }

    /** Appends an event; returns its record id. */
    public long write(EvtxEvent event) throws IOException {
        long id = nextRecordId;
        long written = EvtxValue.filetimeTicks(event.time());
        if (!chunk.add(EventShapes.of(event, id), id, written)) {
            if (chunk.isEmpty()) throw new IllegalArgumentException("event " + id + " does not fit in a 64 KiB chunk");
            flushChunk();
            if (!chunk.add(EventShapes.of(event, id), id, written)) {
                throw new IllegalArgumentException("event " + id + " does not fit in a 64 KiB chunk");
            }
        }
        nextRecordId++;
        return id;
    }

    @Override
    public void close() throws IOException {
        if (!chunk.isEmpty()) flushChunk();
        byte[] header = header();
        if (file != null) {
            file.write(ByteBuffer.wrap(header), 0);
            file.close();
        } else {
            byte[] bytes = memory.toByteArray();
            System.arraycopy(header, 0, bytes, 0, HEADER_SIZE);
            memory.reset();
            memory.write(bytes);
        }
    }

    private void flushChunk() throws IOException {
        write(chunk.finish());
        chunks++;
        chunk = new ChunkEncoder(templateGuids);
    }

    private void write(byte[] bytes) throws IOException {
        if (file != null) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) file.write(buf);
        } else {
            memory.write(bytes);
        }
    }

    /** The file header: signature, chunk numbers, next record id, version 3.1, sizes, chunk count, CRC32. */
    private byte[] header() {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put("ElfFile\0".getBytes(StandardCharsets.US_ASCII));
        h.putLong(0).putLong(Math.max(chunks - 1, 0)).putLong(nextRecordId);
        h.putInt(128).putShort((short) 1).putShort((short) 3).putShort((short) HEADER_SIZE).putShort((short) chunks);
        h.putInt(120, 0);
        CRC32 crc = new CRC32();
        crc.update(h.array(), 0, 120);
        h.putInt(124, (int) crc.getValue());
        return h.array();
    }
}
