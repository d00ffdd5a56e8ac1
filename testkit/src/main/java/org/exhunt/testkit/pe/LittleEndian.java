package org.exhunt.testkit.pe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A growable little-endian byte buffer with patching at an offset, as PE structures need. */
final class LittleEndian {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int size() {
        return out.size();
    }

    LittleEndian u8(int v) {
        out.write(v);
        return this;
    }

    LittleEndian u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    LittleEndian u32(long v) {
        u16((int) (v & 0xFFFF));
        return u16((int) ((v >>> 16) & 0xFFFF));
    }

    LittleEndian u64(long v) {
        u32(v & 0xFFFFFFFFL);
        return u32(v >>> 32);
    }

    LittleEndian bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** UTF-16LE text followed by a NUL character. */
    LittleEndian wideZ(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
        return u16(0);
    }

    LittleEndian zeros(int n) {
        for (int i = 0; i < n; i++) out.write(0);
        return this;
    }

    /** Zeros up to the next multiple of {@code alignment}. */
    LittleEndian align(int alignment) {
        return zeros((alignment - out.size() % alignment) % alignment);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }
}
