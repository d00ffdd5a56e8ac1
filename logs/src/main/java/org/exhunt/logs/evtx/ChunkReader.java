package org.exhunt.logs.evtx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.core.SourceRef;

/**
 * Reads the records of one 64 KiB chunk. The chunk header (512 bytes: {@code ElfChnk\0}, record numbers
 * and ids, free-space offset, CRC32s of the records and of the header, string and template tables) says
 * where the records end; each record is {@code 2a 2a 00 00}, its size, its id, the FILETIME it was
 * written, its binary XML and its size again.
 *
 * <p>Damage is handled record by record (libevtx "Corruption scenarios"): a checksum that does not match
 * is reported and the records are still read, each checked on its own; a record whose header is broken is
 * skipped up to the next valid record header; a record whose binary XML cannot be parsed is skipped with a
 * diagnostic naming its offset and id. Space after the last record (slack) can hold older records; with
 * recovery on they are read too, each id once, and reported as recovered.
 */
final class ChunkReader {

    static final int SIZE = 65536;
    static final int HEADER_SIZE = 512;
    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
    private static final int RECORD_HEADER = 24;

    private final String file;
    private final long fileOffset;
    private final ChunkContext chunk;
    private final boolean recoverSlack;
    private final Consumer<Diagnostic> problems;
    private final FieldCollector collector;
    private final List<EvtxRecord> records = new ArrayList<>();
    private final Set<Long> ids = new HashSet<>();

    ChunkReader(String file, long fileOffset, byte[] bytes, int length, boolean recoverSlack,
                FieldCollector collector, Consumer<Diagnostic> problems) {
        this.file = file;
        this.fileOffset = fileOffset;
        this.chunk = new ChunkContext(bytes, length);
        this.recoverSlack = recoverSlack;
        this.collector = collector;
        this.problems = problems;
    }

    static boolean isChunk(byte[] b) {
        return FileHeader.startsWith(b, 0, SIGNATURE);
    }

    /** The chunk's records in file order (then recovered ones, when asked for). */
    List<EvtxRecord> read() {
        byte[] b = chunk.bytes;
        if (!isChunk(b)) {
            problems.accept(Diagnostic.error("evtx.chunk.signature", at(0), recoverSlack
                    ? "not a chunk (no ElfChnk signature); searching it for records"
                    : "not a chunk (no ElfChnk signature): skipped"));
            if (recoverSlack) recover(0);
            return records;
        }
        checkHeaderChecksum();
        int freeSpace = (int) Math.min(Bytes.u32(b, 48), Integer.MAX_VALUE);
        if (freeSpace < HEADER_SIZE || freeSpace > chunk.length) {
            problems.accept(Diagnostic.warning("evtx.chunk.free-space", at(48), "free-space offset " + freeSpace
                    + " lies outside the chunk; looking for records up to its end"));
            freeSpace = chunk.length;
        } else {
            checkDataChecksum(freeSpace);
        }
        int end = readRecords(freeSpace);
        if (recoverSlack) {
            recover(end);
        } else {
            countSlackRecords(end);
        }
        return records;
    }

    private void checkHeaderChecksum() {
        CRC32 crc = new CRC32();
        crc.update(chunk.bytes, 0, 120);
        crc.update(chunk.bytes, 128, HEADER_SIZE - 128);
        if (crc.getValue() != Bytes.u32(chunk.bytes, 124)) {
            problems.accept(Diagnostic.warning("evtx.chunk.header-checksum", at(124),
                    "the chunk header's checksum does not match; its records are read and checked one by one"));
        }
    }

    private void checkDataChecksum(int freeSpace) {
        CRC32 crc = new CRC32();
        crc.update(chunk.bytes, HEADER_SIZE, freeSpace - HEADER_SIZE);
        if (crc.getValue() != Bytes.u32(chunk.bytes, 52)) {
            problems.accept(Diagnostic.warning("evtx.chunk.data-checksum", at(52),
                    "the checksum of the chunk's records does not match; they are read and checked one by one"));
        }
    }

    /** Reads records from the first one up to {@code end}; returns where the last readable one ended. */
    private int readRecords(int end) {
        int off = HEADER_SIZE;
        while (off + RECORD_HEADER <= end) {
            int size = recordSize(off, end);
            if (size > 0) {
                parse(off, size, false);
                off += size;
                continue;
            }
            if (Bytes.allZero(chunk.bytes, off, end - off)) {
                problems.accept(Diagnostic.error("evtx.chunk.zeroed", at(off), (end - off)
                        + " bytes of zeros where the chunk header says records are: those records are lost"));
                return off;
            }
            int next = nextRecord(off + 1, end);
            problems.accept(Diagnostic.error("evtx.record.header", at(off), "broken record header: "
                    + ((next < 0 ? end : next) - off) + " bytes skipped"
                    + (next < 0 ? " to the end of the chunk's records" : " to the next record")));
            if (next < 0) return end;
            off = next;
        }
        return off;
    }

    /** The size of the record starting at {@code off}, if its header and trailing size copy agree; else -1. */
    private int recordSize(int off, int end) {
        byte[] b = chunk.bytes;
        if (off + RECORD_HEADER > end || b[off] != 0x2a || b[off + 1] != 0x2a || b[off + 2] != 0 || b[off + 3] != 0) {
            return -1;
        }
        long size = Bytes.u32(b, off + 4);
        if (size < RECORD_HEADER + 4 || size > end - off) return -1;
        return Bytes.u32(b, off + (int) size - 4) == size ? (int) size : -1;
    }

    private int nextRecord(int from, int end) {
        for (int p = from; p + RECORD_HEADER <= end; p++) {
            if (recordSize(p, end) > 0) return p;
        }
        return -1;
    }

    /** Parses one record; a failure is reported (unless recovering slack, where failures are normal). */
    private boolean parse(int off, int size, boolean recovered) {
        long id = Bytes.i64(chunk.bytes, off + 8);
        SourceRef where = new SourceRef(file, -1, fileOffset + off, Long.toUnsignedString(id));
        if (recovered && ids.contains(id)) return false;
        try {
            Fragment event = BinXmlParser.parseRecord(chunk, off + RECORD_HEADER, off + size - 4);
            FieldTable fields = collector.collect(event);
            if (collector.truncated()) {
                problems.accept(Diagnostic.warning("evtx.record.capped", where,
                        "the event expands past the caps on nesting, elements or text; the rest of it is not read"));
            }
            // the event's own EventRecordID is what Event Viewer and other tools show; an exported (filtered) log
            // numbers its records afresh in their headers, so the header id only stands in when the event has none
            String eventRecordId = fields.first("EventRecordID");
            SourceRef source = eventRecordId == null ? where : new SourceRef(file, -1, where.offset(), eventRecordId);
            records.add(new EvtxRecord(fields, event, source, Bytes.i64(chunk.bytes, off + 16)));
            ids.add(id);
            return true;
        } catch (EvtxFormatException e) {
            if (!recovered) {
                problems.accept(Diagnostic.error("evtx.record.binxml", where, "record skipped: " + e.getMessage()
                        + (e.offset() >= 0 ? " (at file offset " + (fileOffset + e.offset()) + ")" : "")));
            }
            return false;
        } catch (RuntimeException e) {
            // a bug, not bad input: still one record lost, not the file; the fuzz tests fail on this code
            problems.accept(Diagnostic.error("evtx.record.unexpected", where, "record skipped after an internal error: " + e));
            return false;
        }
    }

    /** Reads every record that can be found from {@code from} to the end of the chunk, each id once. */
    private void recover(int from) {
        int found = 0;
        int attempts = 0;
        int p = Math.max(from, 0);
        while (p + RECORD_HEADER <= chunk.length) {
            int size = recordSize(p, chunk.length);
            if (size > 0 && ++attempts > Limits.EVTX_RECOVERY_ATTEMPTS_PER_CHUNK) {
                problems.accept(Diagnostic.warning("evtx.chunk.recovery-capped", at(p), "more than "
                        + Limits.EVTX_RECOVERY_ATTEMPTS_PER_CHUNK + " record-like places: the rest of this chunk's"
                        + " slack was not searched"));
                break;
            }
            if (size > 0 && parse(p, size, true)) {
                found++;
                p += size;
            } else {
                p++;
            }
        }
        if (found > 0) {
            problems.accept(Diagnostic.info("evtx.chunk.recovered", at(from), found
                    + " records recovered from space after the chunk's last record (older or unflushed events)"));
        }
    }

    /** Without recovery, says how many record-like structures lie unread after the last record. */
    private void countSlackRecords(int from) {
        int count = 0;
        for (int p = from; p + RECORD_HEADER <= chunk.length; p++) {
            int size = recordSize(p, chunk.length);
            if (size > 0) {
                count++;
                p += size - 1;
            }
        }
        if (count > 0) {
            problems.accept(Diagnostic.info("evtx.chunk.slack", at(from), count
                    + " record-like structures after the chunk's last record were not read (--recover-slack reads them)"));
        }
    }

    private SourceRef at(int chunkOffset) {
        return SourceRef.offset(file, fileOffset + chunkOffset);
    }
}
