package org.exhunt.testkit.zip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip archive built field by field. Entries are added in order; {@link #bytes()} lays out local headers and
 * data, then the central directory, then the end record, as the format says, except where an entry or the
 * archive was told to lie.
 */
public final class CraftedZip {

    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    /** One entry: what is written, and what its headers claim. */
    public static final class Entry {
        final String name;
        final byte[] content;
        int method = DEFLATED;
        int flags = 0x0800; // names in UTF-8
        long dosTime = dos(2021, 3, 3, 4, 5, 6);
        Long declaredSize;
        Long declaredCompressedSize;
        Long declaredCrc;
        int externalAttributes;
        int madeBy = 20;      // MS-DOS
        int centralCopies = 1;

        Entry(String name, byte[] content) {
            this.name = name;
            this.content = content;
        }

        public Entry stored() {
            method = STORED;
            return this;
        }

        /** Any method code, written as is (the content is then stored raw under that label). */
        public Entry method(int code) {
            method = code;
            return this;
        }

        /** Sets the traditional-encryption flag (the content is written as it is). */
        public Entry encrypted() {
            flags |= 1;
            return this;
        }

        /** No UTF-8 flag: the name's bytes are written in the given charset. */
        public Entry unflagged() {
            flags &= ~0x0800;
            return this;
        }

        public Entry declaredSize(long size) {
            declaredSize = size;
            return this;
        }

        public Entry declaredCompressedSize(long size) {
            declaredCompressedSize = size;
            return this;
        }

        public Entry declaredCrc(long crc) {
            declaredCrc = crc;
            return this;
        }

        /** A Unix symbolic link: the content is the target. */
        public Entry symlink() {
            madeBy = 3 << 8 | 20;
            externalAttributes = 0120777 << 16;
            return this;
        }

        /** Lists the entry this many times in the central directory, all pointing at the one local header. */
        public Entry listedTimes(int copies) {
            centralCopies = copies;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private String nameCharset = "UTF-8";
    private long directorySizeError;

    public Entry add(String name, byte[] content) {
        Entry e = new Entry(name, content);
        entries.add(e);
        return e;
    }

    public Entry add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The charset names without the UTF-8 flag are written in (e.g. "IBM437"). */
    public CraftedZip nameCharset(String charset) {
        nameCharset = charset;
        return this;
    }

    /**
     * Makes the end record misstate the central directory's size by {@code bytes} (negative: understated), as a
     * hostile or broken writer may; unzip lists such an archive all the same.
     */
    public CraftedZip directorySizeOffBy(long bytes) {
        directorySizeError = bytes;
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int listed = 0;
        for (Entry e : entries) {
            byte[] name = e.name.getBytes((e.flags & 0x0800) != 0 ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(nameCharset));
            byte[] data = e.method == DEFLATED ? deflate(e.content) : e.content;
            CRC32 crc = new CRC32();
            crc.update(e.content);
            long crcValue = e.declaredCrc != null ? e.declaredCrc : crc.getValue();
            long size = e.declaredSize != null ? e.declaredSize : e.content.length;
            long compressed = e.declaredCompressedSize != null ? e.declaredCompressedSize : data.length;
            int offset = out.size();
            u32(out, 0x04034b50);
            header(out, e, crcValue, compressed, size, name.length);
            out.writeBytes(name);
            out.writeBytes(data);
            for (int copy = 0; copy < e.centralCopies; copy++) {
                u32(central, 0x02014b50);
                u16(central, e.madeBy);
                header(central, e, crcValue, compressed, size, name.length);
                u16(central, 0); // comment length
                u16(central, 0); // disk
                u16(central, 0); // internal attributes
                u32(central, e.externalAttributes);
                u32(central, offset);
                central.writeBytes(name);
                listed++;
            }
        }
        int centralOffset = out.size();
        byte[] dir = central.toByteArray();
        out.writeBytes(dir);
        u32(out, 0x06054b50);
        u16(out, 0);
        u16(out, 0);
        u16(out, listed);
        u16(out, listed);
        u32(out, dir.length + directorySizeError);
        u32(out, centralOffset);
        u16(out, 0);
        return out.toByteArray();
    }

    /** The archive with its last {@code n} bytes cut off, as a copy stopped short leaves it. */
    public byte[] truncatedBy(int n) {
        byte[] all = bytes();
        return Arrays.copyOf(all, all.length - n);
    }

    /** The offset of the central directory in {@link #bytes()}. */
    public int centralDirectoryOffset() {
        byte[] all = bytes();
        int end = all.length - 22;
        return (all[end + 16] & 0xff) | (all[end + 17] & 0xff) << 8 | (all[end + 18] & 0xff) << 16 | (all[end + 19] & 0xff) << 24;
    }

    private static void header(ByteArrayOutputStream out, Entry e, long crc, long compressed, long size, int nameLength) {
        u16(out, 20);          // version needed
        u16(out, e.flags);
        u16(out, e.method);
        u32(out, e.dosTime);
        u32(out, crc);
        u32(out, compressed);
        u32(out, size);
        u16(out, nameLength);
        u16(out, 0);           // extra length
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }

    /** A DOS date and time field (local time, two-second resolution). */
    public static long dos(int year, int month, int day, int hour, int minute, int second) {
        return ((long) (year - 1980) << 25 | (long) month << 21 | (long) day << 16 | hour << 11 | minute << 5 | second / 2)
                & 0xffffffffL;
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write(v >>> 8 & 0xff);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xffff));
        u16(out, (int) (v >>> 16 & 0xffff));
    }
}
