package org.exhunt.yara.data;

import java.nio.ByteBuffer;

/**
 * The bytes one scan reads, indexed from 0 to {@link #size()}: an array, or a file mapped into memory (as
 * libyara maps the files it scans) when it is too large to read into the heap, so that a scan's heap does
 * not grow with the file.
 */
public final class ScanData {

    /** The data from index 0, or null when it is mapped. */
    private final byte[] array;
    private final ByteBuffer mapped;
    private final int size;

    private ScanData(byte[] array, ByteBuffer mapped, int size) {
        this.array = array;
        this.mapped = mapped;
        this.size = size;
    }

    /** {@code array[0, size)}; the array is not copied, so it must not change while the data is in use. */
    public static ScanData of(byte[] array, int size) {
        if (size < 0 || size > array.length) throw new IllegalArgumentException("size " + size + " of " + array.length);
        return new ScanData(array, null, size);
    }

    public static ScanData of(byte[] array) {
        return of(array, array.length);
    }

    /** A buffer's bytes from 0 to its limit (a mapped file). */
    public static ScanData mapped(ByteBuffer buffer) {
        return new ScanData(null, buffer, buffer.limit());
    }

    public int size() {
        return size;
    }

    /** Byte {@code i}; like every reader here, callers keep {@code i} below {@link #size()}. */
    public byte get(int i) {
        return array != null ? array[i] : mapped.get(i);
    }

    /** The array holding the data from index 0 (possibly longer than {@link #size()}), or null when mapped. */
    public byte[] array() {
        return array;
    }

    /** Copies {@code length} bytes from {@code from} into {@code into} at {@code offset}. */
    public void copy(int from, byte[] into, int offset, int length) {
        if (from < 0 || length < 0 || from > size - length) throw new IndexOutOfBoundsException(from);
        if (array != null) System.arraycopy(array, from, into, offset, length);
        else mapped.get(from, into, offset, length);
    }

    /** A copy of {@code [from, from + length)}. */
    public byte[] copyOf(int from, int length) {
        byte[] out = new byte[length];
        copy(from, out, 0, length);
        return out;
    }

    /** A read-only view of {@code [from, to)}, for digests and checksums. */
    public ByteBuffer slice(int from, int to) {
        if (from < 0 || from > to || to > size) throw new IndexOutOfBoundsException(from);
        ByteBuffer whole = array != null ? ByteBuffer.wrap(array, 0, size) : mapped;
        return whole.slice(from, to - from).asReadOnlyBuffer();
    }
}
