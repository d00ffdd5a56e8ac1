package org.exhunt.evidence.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over a {@link RandomAccess}, with its own position; writing is refused. */
final class RangeChannel implements SeekableByteChannel {

    private final RandomAccess data;
    private long position;
    private boolean open = true;

    RangeChannel(RandomAccess data) {
        this.data = data;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (!open) throw new ClosedChannelException();
        int n = data.read(dst, position);
        if (n > 0) position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return data.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
    }
}
