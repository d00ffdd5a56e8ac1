package org.exhunt.logs.evtx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.logs.RecordStream;

/**
 * Reads an EVTX file front to back from a stream: the header, then one 64 KiB chunk at a time, holding
 * one chunk's bytes and records at most, so memory stays flat whatever the file's size. Every block after
 * the header is read, whatever chunk count the header gives: dirty files under-count their chunks.
 */
final class EvtxStream implements RecordStream {

    private final String file;
    private final InputStream in;
    private final Consumer<Diagnostic> problems;
    private final boolean recoverSlack;
    private final byte[] block = new byte[ChunkReader.SIZE];
    private final FieldCollector collector = new FieldCollector();
    private final Deque<EvtxRecord> pending = new ArrayDeque<>();
    private FileHeader header;
    private long offset;        // file offset of the next block
    private int chunksSeen;
    private boolean done;
    private boolean complete = true;

    EvtxStream(String file, InputStream in, Consumer<Diagnostic> problems, boolean recoverSlack) {
        this.file = file;
        this.in = in;
        this.problems = problems;
        this.recoverSlack = recoverSlack;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !done) readNext();
        return !pending.isEmpty();
    }

    @Override
    public Record next() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending.removeFirst();
    }

    @Override
    public boolean complete() {
        return complete;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void readNext() {
        try {
            if (header == null) {
                readHeader();
            } else {
                readChunk();
            }
        } catch (IOException e) {
            problems.accept(Diagnostic.error("evtx.read.io", SourceRef.offset(file, offset),
                    "reading stopped: " + e.getMessage()));
            complete = false;
            done = true;
        }
    }

    private void readHeader() throws IOException {
        int n = in.readNBytes(block, 0, FileHeader.SIZE);
        if (n < FileHeader.SIZE) {
            problems.accept(Diagnostic.error("evtx.file.truncated", SourceRef.offset(file, n), n == 0
                    ? "empty file: no EVTX header and no events"
                    : "the file ends inside its " + FileHeader.SIZE + "-byte header: no events"));
            done = true;
            return;
        }
        header = FileHeader.parse(block);
        header.report(file, problems);
        offset = FileHeader.SIZE;
    }

    private void readChunk() throws IOException {
        int n = in.readNBytes(block, 0, ChunkReader.SIZE);
        long at = offset;
        offset += n;
        if (n == 0) {
            finish();
            return;
        }
        if (n < ChunkReader.SIZE) {
            Arrays.fill(block, n, ChunkReader.SIZE, (byte) 0);   // no stale bytes from the previous chunk
            problems.accept(Diagnostic.error("evtx.file.truncated", SourceRef.offset(file, offset),
                    "the file ends inside a chunk (" + n + " of " + ChunkReader.SIZE
                            + " bytes): records in the missing part are lost"));
        }
        if (Bytes.allZero(block, 0, n)) return;   // unused, preallocated space
        if (ChunkReader.isChunk(block)) chunksSeen++;
        pending.addAll(new ChunkReader(file, at, block, n, recoverSlack, collector, problems).read());
    }

    private void finish() {
        done = true;
        if (header.signatureOk() && header.chunkCount() != chunksSeen) {
            problems.accept(Diagnostic.warning("evtx.header.chunk-count", SourceRef.offset(file, 42),
                    "the header counts " + header.chunkCount() + " chunks, the file holds " + chunksSeen
                            + "; all of them were read"));
        }
    }
}
