package org.exhunt.logs.evtx;

import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * The 4,096-byte file header: signature {@code ElfFile\0}, first and last chunk numbers, next record id,
 * header size 128, format version (3.1, or 3.2 since Windows 10 2004), block size 4096, chunk count,
 * flags (1 dirty, 2 full) and a CRC32 of its first 120 bytes. Nothing in it is needed to read the chunks,
 * so a damaged header is reported and reading goes on.
 */
record FileHeader(boolean signatureOk, boolean checksumOk, int majorVersion, int minorVersion, int chunkCount,
                  long flags) {

    static final int SIZE = 4096;
    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    private static final long DIRTY = 1;

    static FileHeader parse(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, 120);
        return new FileHeader(startsWith(b, 0, SIGNATURE), crc.getValue() == Bytes.u32(b, 124),
                Bytes.u16(b, 38), Bytes.u16(b, 36), Bytes.u16(b, 42), Bytes.u32(b, 120));
    }

    /** Reports what is odd about the header; every problem here is survivable. */
    void report(String file, Consumer<Diagnostic> problems) {
        SourceRef at = SourceRef.offset(file, 0);
        if (!signatureOk) {
            problems.accept(Diagnostic.warning("evtx.header.signature", at,
                    "the file header is not an EVTX header (no ElfFile signature); reading its chunks anyway"));
            return;
        }
        if (!checksumOk) {
            problems.accept(Diagnostic.warning("evtx.header.checksum", at,
                    "the file header's checksum does not match its content; its chunk count may be wrong"));
        }
        if (majorVersion != 3 || (minorVersion != 1 && minorVersion != 2)) {
            problems.accept(Diagnostic.warning("evtx.header.version", at,
                    "unknown EVTX format version " + majorVersion + "." + minorVersion + "; reading it as 3.x"));
        }
        if ((flags & DIRTY) != 0) {
            problems.accept(Diagnostic.info("evtx.header.dirty", at,
                    "the log was not closed cleanly (copied from a running system?): the header may lag behind"
                            + " the chunks, so every chunk in the file is read"));
        }
    }

    /** Whether bytes start with the EVTX file signature. */
    static boolean hasSignature(byte[] b) {
        return b.length >= SIGNATURE.length && startsWith(b, 0, SIGNATURE);
    }

    static boolean startsWith(byte[] b, int off, byte[] signature) {
        for (int i = 0; i < signature.length; i++) {
            if (b[off + i] != signature[i]) return false;
        }
        return true;
    }
}
