package org.exhunt.evidence.zip;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Bytes read at any position, without a shared file pointer: a file, a range of another view (a stored zip
 * inside a zip, read in place), bytes in memory, or whatever else gives positioned reads (a distributed file system's
 * file). Thread-safe for reading. Closing releases what the view holds open (a file; a slice or bytes in memory hold
 * nothing).
 */
public interface RandomAccess extends Closeable {

    /** Reads into {@code dst} from {@code position}; returns the bytes read, or -1 at the end. */
    int read(ByteBuffer dst, long position) throws IOException;

    long size() throws IOException;

    @Override
    default void close() throws IOException {}

    /** Reads exactly {@code length} bytes at {@code position}. */
    default byte[] readFully(long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (read(buf, position + buf.position()) < 0) throw new EOFException("end of data at " + (position + buf.position()));
        }
        return buf.array();
    }

    static RandomAccess of(FileChannel channel) {
        return new RandomAccess() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return channel.read(dst, position);
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    static RandomAccess of(byte[] bytes) {
        return new RandomAccess() {
            @Override
            public int read(ByteBuffer dst, long position) {
                if (position >= bytes.length) return -1;
                int n = (int) Math.min(dst.remaining(), bytes.length - position);
                dst.put(bytes, (int) position, n);
                return n;
            }

            @Override
            public long size() {
                return bytes.length;
            }
        };
    }

    /** The bytes {@code [offset, offset + length)} of this view, as a view of their own. */
    default RandomAccess slice(long offset, long length) {
        RandomAccess outer = this;
        return new RandomAccess() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                if (position >= length) return -1;
                long left = length - position;
                if (dst.remaining() <= left) return outer.read(dst, offset + position);
                ByteBuffer part = dst.slice().limit((int) left);
                int n = outer.read(part, offset + position);
                if (n > 0) dst.position(dst.position() + n);
                return n;
            }

            @Override
            public long size() {
                return length;
            }
        };
    }
}
