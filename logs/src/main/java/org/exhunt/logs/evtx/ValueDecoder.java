package org.exhunt.logs.evtx;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the values of a template instance, each from the slice its descriptor gives, into what the
 * walker needs: {@code null} (empty), a {@code String} (the value's text), a {@code String[]} (an array's
 * items, each of which repeats its element) or a {@link Fragment} (nested binary XML).
 *
 * <p>A value whose size does not fit its type, or a type no known writer produces (event handles, binary
 * arrays), is kept as upper-case hex of its bytes rather than failing the record: evidence is not dropped.
 */
final class ValueDecoder {

    /** The ANSI code page the Rust crate assumes by default. */
    private static final Charset ANSI = Charset.forName("windows-1252");

    private ValueDecoder() {}

    static Object decode(int type, byte[] b, int off, int size, ChunkContext chunk, int depth)
            throws EvtxFormatException {
        if (size == 0) return type == ValueType.STRING || type == ValueType.ANSI_STRING ? "" : null;
        if ((type & ValueType.ARRAY) != 0) return array(type & ~ValueType.ARRAY, b, off, size);
        switch (type) {
            case ValueType.NULL:
                return null;
            case ValueType.STRING:
                return Utf16.decodeValue(b, off, size / 2);
            case ValueType.ANSI_STRING:
                return ansi(b, off, size);
            case ValueType.BINARY:
            case ValueType.EVT_XML:
                return ValueText.binary(b, off, size);
            case ValueType.SID:
                return ValueText.sid(b, off, size);
            case ValueType.SIZE_T:
            case ValueType.EVT_HANDLE:
                if (size == 4) return ValueText.hex(Bytes.u32(b, off));
                if (size == 8) return ValueText.hex(Bytes.i64(b, off));
                return ValueText.binary(b, off, size);
            case ValueType.BINXML:
                return BinXmlParser.parseValueFragment(chunk, off, size, depth + 1);
            default:
                int width = ValueType.width(type);
                if (width == 0 || size < width) return ValueText.binary(b, off, size);
                return scalar(type, b, off);
        }
    }

    /** One fixed-size value; {@code b} holds at least {@link ValueType#width} bytes at {@code off}. */
    static String scalar(int type, byte[] b, int off) {
        switch (type) {
            case ValueType.INT8: return Integer.toString(b[off]);
            case ValueType.UINT8: return Integer.toString(b[off] & 0xff);
            case ValueType.INT16: return Integer.toString((short) Bytes.u16(b, off));
            case ValueType.UINT16: return Integer.toString(Bytes.u16(b, off));
            case ValueType.INT32: return Integer.toString(Bytes.i32(b, off));
            case ValueType.UINT32: return Long.toString(Bytes.u32(b, off));
            case ValueType.INT64: return Long.toString(Bytes.i64(b, off));
            case ValueType.UINT64: return Long.toUnsignedString(Bytes.i64(b, off));
            case ValueType.REAL32: return FloatText.ofFloat(Float.intBitsToFloat(Bytes.i32(b, off)));
            case ValueType.REAL64: return FloatText.ofDouble(Double.longBitsToDouble(Bytes.i64(b, off)));
            case ValueType.BOOL: return Bytes.i32(b, off) != 0 ? "true" : "false";
            case ValueType.GUID: return ValueText.guid(b, off);
            case ValueType.FILETIME: return ValueText.filetime(Bytes.i64(b, off));
            case ValueType.SYSTEMTIME: return ValueText.systemtime(b, off);
            case ValueType.HEX_INT32: return ValueText.hex(Bytes.u32(b, off));
            case ValueType.HEX_INT64: return ValueText.hex(Bytes.i64(b, off));
            default: throw new IllegalArgumentException("not a fixed-size value type: " + type);
        }
    }

    private static Object array(int itemType, byte[] b, int off, int size) {
        switch (itemType) {
            case ValueType.STRING:
                return strings(b, off, size);
            case ValueType.ANSI_STRING:
                return ansiStrings(b, off, size);
            case ValueType.SID:
                return sids(b, off, size);
            case ValueType.SIZE_T:
                return fixed(size % 8 == 0 ? ValueType.HEX_INT64 : ValueType.HEX_INT32, b, off, size);
            default:
                if (ValueType.width(itemType) == 0) return ValueText.binary(b, off, size);
                return fixed(itemType, b, off, size);
        }
    }

    private static String[] fixed(int itemType, byte[] b, int off, int size) {
        int width = ValueType.width(itemType);
        String[] items = new String[size / width];
        for (int i = 0; i < items.length; i++) items[i] = scalar(itemType, b, off + i * width);
        return items;
    }

    /** NUL-terminated UTF-16 strings back to back; a last string without its NUL still counts. */
    private static String[] strings(byte[] b, int off, int size) {
        List<String> items = new ArrayList<>();
        int chars = size / 2;
        int start = 0;
        for (int i = 0; i < chars; i++) {
            int p = off + 2 * i;
            if (b[p] == 0 && b[p + 1] == 0) {
                items.add(Utf16.decode(b, off + 2 * start, i - start));
                start = i + 1;
            }
        }
        if (start < chars) items.add(Utf16.decode(b, off + 2 * start, chars - start));
        return items.toArray(new String[0]);
    }

    private static String[] ansiStrings(byte[] b, int off, int size) {
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < size; i++) {
            if (b[off + i] == 0) {
                items.add(new String(b, off + start, i - start, ANSI));
                start = i + 1;
            }
        }
        if (start < size) items.add(new String(b, off + start, size - start, ANSI));
        return items.toArray(new String[0]);
    }

    private static String[] sids(byte[] b, int off, int size) {
        List<String> items = new ArrayList<>();
        int p = 0;
        while (size - p >= 8) {
            int len = 8 + 4 * (b[off + p + 1] & 0xff);
            if (len > size - p) break;
            items.add(ValueText.sid(b, off + p, len));
            p += len;
        }
        return items.toArray(new String[0]);
    }

    /** An ANSI string without its NUL bytes (wherever they are, as the Rust crate drops them). */
    private static String ansi(byte[] b, int off, int size) {
        byte[] kept = new byte[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (b[off + i] != 0) kept[n++] = b[off + i];
        }
        return new String(kept, 0, n, ANSI);
    }
}
