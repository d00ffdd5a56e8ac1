package org.exhunt.yara.store;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the compiled-rules file's primitives, big-endian, lengths before contents (read back by {@link In}). */
public final class Out {

    private final DataOutputStream out;

    public Out(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    public void u8(int v) throws IOException {
        out.writeByte(v);
    }

    public void bool(boolean v) throws IOException {
        out.writeByte(v ? 1 : 0);
    }

    public void i32(int v) throws IOException {
        out.writeInt(v);
    }

    public void i64(long v) throws IOException {
        out.writeLong(v);
    }

    public void f64(double v) throws IOException {
        out.writeDouble(v);
    }

    public void bytes(byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    public void ints(int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    public void text(String s) throws IOException {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public void flush() throws IOException {
        out.flush();
    }
}
