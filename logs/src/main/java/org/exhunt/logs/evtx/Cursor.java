package org.exhunt.logs.evtx;

/**
 * A bounds-checked little-endian reader over part of a byte array. Every read checks the limit, so a
 * hostile length or offset ends in an {@link EvtxFormatException}, never in an index error.
 */
final class Cursor {

    final byte[] buf;
    int pos;
    final int limit;

    Cursor(byte[] buf, int pos, int limit) {
        this.buf = buf;
        this.pos = pos;
        this.limit = Math.min(limit, buf.length);
    }

    int remaining() {
        return limit - pos;
    }

    void need(int n, String what) throws EvtxFormatException {
        if (n < 0 || n > limit - pos) {
            throw new EvtxFormatException(what + " runs past the end of its data (" + n + " bytes needed, "
                    + Math.max(0, limit - pos) + " left)", pos);
        }
    }

    void skip(int n, String what) throws EvtxFormatException {
        need(n, what);
        pos += n;
    }

    int u8(String what) throws EvtxFormatException {
        need(1, what);
        return buf[pos++] & 0xff;
    }

    int peek(String what) throws EvtxFormatException {
        need(1, what);
        return buf[pos] & 0xff;
    }

    int u16(String what) throws EvtxFormatException {
        need(2, what);
        int v = Bytes.u16(buf, pos);
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit value; callers that use it as a size or offset check it against their bounds. */
    long u32(String what) throws EvtxFormatException {
        need(4, what);
        long v = Bytes.u32(buf, pos);
        pos += 4;
        return v;
    }

    /** A 32-bit size or offset that must fit in an int (EVTX sizes are under 64 KiB). */
    int size32(String what) throws EvtxFormatException {
        long v = u32(what);
        if (v > Integer.MAX_VALUE) throw new EvtxFormatException(what + " is implausibly large: " + v, pos - 4);
        return (int) v;
    }
}
