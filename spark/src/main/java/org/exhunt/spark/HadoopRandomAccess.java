package org.exhunt.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hadoop.fs.FSDataInputStream;
import org.exhunt.evidence.zip.RandomAccess;

/**
 * A file of a Hadoop file system (HDFS, S3A, ABFS, GCS, the local one) read at any position through the stream's
 * positioned reads ({@code readFully(position, ...)}): an archive is read in place, never copied to local disk.
 * Positioned reads of one stream are serialised here, since not every file system makes them safe to share.
 */
final class HadoopRandomAccess implements RandomAccess {

    private final FSDataInputStream in;
    private final long size;

    HadoopRandomAccess(FSDataInputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position >= size) return -1;
        int n = (int) Math.min(dst.remaining(), size - position);
        if (n == 0) return 0;
        byte[] bytes = dst.hasArray() ? dst.array() : new byte[n];
        int offset = dst.hasArray() ? dst.arrayOffset() + dst.position() : 0;
        synchronized (in) {
            in.readFully(position, bytes, offset, n);
        }
        if (dst.hasArray()) dst.position(dst.position() + n);
        else dst.put(bytes, 0, n);
        return n;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
