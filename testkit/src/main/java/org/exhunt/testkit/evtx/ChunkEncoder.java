package org.exhunt.testkit.evtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Builds one 64 KiB chunk: records appended from offset 512, names and templates written inline the first
 * time the chunk uses them and referenced by offset afterwards (chained into the header's 64-entry string
 * table and 32-entry template table, as Windows does), then the header with its record numbers, free-space
 * offset and both CRC32s. A record that does not fit leaves the chunk as it was.
 *
 * <p>Each record's binary XML is a whole document, closed by its end-of-file token, and the record is padded to a
 * multiple of 8 bytes; a nested binary XML value is a document too. That is how Windows writes them, and libevtx
 * reads a record's tokens up to that end-of-file token (without it, it reads on into the size copy and rejects
 * the record).
 */
final class ChunkEncoder {

    static final int SIZE = 65536;
    private static final int HEADER = 512;
    /** Bytes left free after the last record: libevtx reads a record only when 4 more bytes follow it in the chunk. */
    private static final int TAIL = 4;

    private final Map<String, byte[]> guids;   // template key -> GUID, shared by a file's chunks
    private final byte[] b = new byte[SIZE];
    private int pos = HEADER;
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<String, Integer> templates = new HashMap<>();   // template key -> definition offset
    private final int[] nameTable = new int[64];
    private final int[] templateTable = new int[32];
    private final List<String> namesAdded = new ArrayList<>();
    private final List<String> templatesAdded = new ArrayList<>();
    private long firstId = -1;
    private long lastId;
    private int lastRecord;

    /** Thrown when a record runs past the end of the chunk. */
    private static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }

    ChunkEncoder(Map<String, byte[]> guids) {
        this.guids = guids;
    }

    boolean isEmpty() {
        return firstId < 0;
    }

    /** Appends a record; false, with the chunk unchanged, when it does not fit. */
    boolean add(Shape.Instance event, long recordId, long writtenFiletime) {
        int start = pos;
        int[] nameTableBefore = nameTable.clone();
        int[] templateTableBefore = templateTable.clone();
        namesAdded.clear();
        templatesAdded.clear();
        try {
            put32(0x00002a2a);
            put32(0);
            put64(recordId);
            put64(writtenFiletime);
            document(event);
            while ((pos + 4 - start) % 8 != 0) put8(0);   // Windows keeps records 8-byte aligned
            put32(pos + 4 - start);
            if (pos > SIZE - TAIL) throw new Full();
            patch32(start + 4, pos - start);
        } catch (Full full) {
            names.keySet().removeAll(namesAdded);
            templates.keySet().removeAll(templatesAdded);
            System.arraycopy(nameTableBefore, 0, nameTable, 0, nameTable.length);
            System.arraycopy(templateTableBefore, 0, templateTable, 0, templateTable.length);
            java.util.Arrays.fill(b, start, SIZE, (byte) 0);
            pos = start;
            return false;
        }
        if (firstId < 0) firstId = recordId;
        lastId = recordId;
        lastRecord = start;
        return true;
    }

    /** The finished chunk: header fields, tables and checksums filled in. */
    byte[] finish() {
        byte[] signature = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(signature, 0, b, 0, 8);
        patch64(8, firstId);
        patch64(16, lastId);
        patch64(24, firstId);
        patch64(32, lastId);
        patch32(40, 128);
        patch32(44, lastRecord);
        patch32(48, pos);
        CRC32 records = new CRC32();
        records.update(b, HEADER, pos - HEADER);
        patch32(52, (int) records.getValue());
        for (int i = 0; i < 64; i++) patch32(128 + 4 * i, nameTable[i]);
        for (int i = 0; i < 32; i++) patch32(384 + 4 * i, templateTable[i]);
        CRC32 header = new CRC32();
        header.update(b, 0, 120);
        header.update(b, 128, HEADER - 128);
        patch32(124, (int) header.getValue());
        return b;
    }

    private void fragmentHeader() {
        put8(0x0f);
        put8(0x01);
        put8(0x01);
        put8(0x00);
    }

    /** A binary XML document, as a record holds one and a binary XML value nests one. */
    private void document(Shape.Instance instance) {
        fragmentHeader();
        instance(instance);
        put8(0x00);
    }

    /** A template instance: the template (defined inline on first use in the chunk), then its values. */
    private void instance(Shape.Instance instance) {
        String key = instance.key();
        byte[] guid = guids.computeIfAbsent(key,
                k -> EvtxValue.guidBytes(UUID.nameUUIDFromBytes(k.getBytes(StandardCharsets.UTF_8)).toString()));
        int id = (guid[0] & 0xff) | (guid[1] & 0xff) << 8 | (guid[2] & 0xff) << 16 | (guid[3] & 0xff) << 24;
        put8(0x0c);
        put8(0x01);
        put32(id);
        Integer definition = templates.get(key);
        if (definition != null) {
            put32(definition);
        } else {
            int at = pos + 4;
            put32(at);
            int bucket = Integer.remainderUnsigned(id, templateTable.length);
            put32(templateTable[bucket]);
            templateTable[bucket] = at;
            for (byte g : guid) put8(g);
            int sizeAt = pos;
            put32(0);
            int dataStart = pos;
            fragmentHeader();
            element(instance.root());
            put8(0x00);
            patch32(sizeAt, pos - dataStart);
            templates.put(key, at);
            templatesAdded.add(key);
        }
        values(instance.values());
    }

    /** The value count, a (size, type) descriptor per value, then the values. */
    private void values(Object[] values) {
        put32(values.length);
        int descriptors = pos;
        for (Object v : values) {
            put16(0);
            put8(v instanceof EvtxValue value ? value.type() : 0x21);
            put8(0);
        }
        for (int i = 0; i < values.length; i++) {
            int start = pos;
            if (values[i] instanceof EvtxValue value) {
                need(value.size());
                value.writeTo(b, pos);
                pos += value.size();
            } else {
                document((Shape.Instance) values[i]);
            }
            int size = pos - start;
            if (size > 0xffff) throw new IllegalArgumentException("value " + i + " takes " + size + " bytes; EVTX values hold 65,535 at most");
            patch16(descriptors + 4 * i, size);
        }
    }

    /** An element of a template definition (with the dependency id templates carry). */
    private void element(Shape.Element e) {
        int start = pos;
        put8(e.attributes().isEmpty() ? 0x01 : 0x41);
        put16(0xffff);
        int sizeAt = pos;
        put32(0);
        name(e.name());
        if (!e.attributes().isEmpty()) {
            int listAt = pos;
            put32(0);
            for (int i = 0; i < e.attributes().size(); i++) {
                Shape.Attribute a = e.attributes().get(i);
                put8(i < e.attributes().size() - 1 ? 0x46 : 0x06);
                name(a.name());
                content(a.value());
            }
            patch32(listAt, pos - listAt - 4);
        }
        if (e.children().isEmpty()) {
            put8(0x03);
        } else {
            put8(0x02);
            for (Shape.Node child : e.children()) content(child);
            put8(0x04);
        }
        patch32(sizeAt, pos - start - 7);
    }

    private void content(Shape.Node node) {
        if (node instanceof Shape.Element e) {
            element(e);
        } else if (node instanceof Shape.Text t) {
            put8(0x05);
            put8(0x01);
            put16(t.text().length());
            utf16(t.text());
        } else {
            Shape.Slot s = (Shape.Slot) node;
            put8(s.optional() ? 0x0e : 0x0d);
            put16(s.index());
            put8(s.type());
        }
    }

    /** A name reference: the offset of the name, stored right here the first time the chunk uses it. */
    private void name(String name) {
        Integer at = names.get(name);
        if (at != null) {
            put32(at);
            return;
        }
        int offset = pos + 4;
        put32(offset);
        int hash = nameHash(name);
        int bucket = hash % nameTable.length;
        put32(nameTable[bucket]);
        nameTable[bucket] = offset;
        put16(hash);
        put16(name.length());
        utf16(name);
        put16(0);
        names.put(name, offset);
        namesAdded.add(name);
    }

    /** The 16-bit name hash stored with each name (readers do not check it). */
    private static int nameHash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) h = h * 65599 + name.charAt(i);
        return h & 0xffff;
    }

    private void utf16(String s) {
        for (int i = 0; i < s.length(); i++) put16(s.charAt(i));
    }

    private void need(int n) {
        if (pos + n > SIZE) throw new Full();
    }

    private void put8(int v) {
        need(1);
        b[pos++] = (byte) v;
    }

    private void put16(int v) {
        need(2);
        patch16(pos, v);
        pos += 2;
    }

    private void put32(int v) {
        need(4);
        patch32(pos, v);
        pos += 4;
    }

    private void put64(long v) {
        need(8);
        patch64(pos, v);
        pos += 8;
    }

    private void patch16(int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private void patch32(int at, int v) {
        patch16(at, v);
        patch16(at + 2, v >>> 16);
    }

    private void patch64(int at, long v) {
        patch32(at, (int) v);
        patch32(at + 4, (int) (v >>> 32));
    }
}
