package org.exhunt.yara.store;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the compiled-rules file's primitives from its bytes, with bounds: every length and count is checked
 * against a limit and against what is left before anything is allocated, and anything out of range or past
 * the end is a {@link CorruptRulesException}.
 */
public final class In {

    private final ByteBuffer in;

    public In(byte[] bytes, int offset) {
        this.in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    }

    private void need(long bytes) throws CorruptRulesException {
        if (bytes > in.remaining()) throw new CorruptRulesException("truncated compiled-rules file");
    }

    public int u8() throws IOException {
        need(1);
        return in.get() & 0xFF;
    }

    public boolean bool() throws IOException {
        int b = u8();
        if (b > 1) throw new CorruptRulesException("bad boolean " + b);
        return b == 1;
    }

    public int i32() throws IOException {
        need(4);
        return in.getInt();
    }

    public long i64() throws IOException {
        need(8);
        return in.getLong();
    }

    public double f64() throws IOException {
        need(8);
        return in.getDouble();
    }

    /** An int in {@code [min, max]}. */
    public int i32(int min, int max) throws IOException {
        int v = i32();
        if (v < min || v > max) throw new CorruptRulesException("value " + v + " outside " + min + ".." + max);
        return v;
    }

    /** A count of at most {@code max} items. */
    public int count(int max) throws IOException {
        return i32(0, max);
    }

    public byte[] bytes(int max) throws IOException {
        int n = count(max);
        need(n);
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    public int[] ints(int max) throws IOException {
        int n = count(max);
        need(4L * n);
        int[] a = new int[n];
        try {
            in.asIntBuffer().get(a);
        } catch (BufferUnderflowException e) {
            throw new CorruptRulesException("truncated compiled-rules file");
        }
        in.position(in.position() + 4 * n);
        return a;
    }

    public String text(int maxBytes) throws IOException {
        return new String(bytes(maxBytes), StandardCharsets.UTF_8);
    }
}
