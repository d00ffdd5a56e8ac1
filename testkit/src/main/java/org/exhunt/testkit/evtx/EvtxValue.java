package org.exhunt.testkit.evtx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * A typed EVTX value: its binary XML value type and its bytes as stored in a template instance
 * ([MS-EVEN6] value types; libevtx "Value types"). Arrays set the 0x80 bit of their item type.
 */
public final class EvtxValue {

    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

    private final int type;
    private final byte[] bytes;

    private EvtxValue(int type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    /** The value type byte. */
    public int type() {
        return type;
    }

    /** A copy of the stored bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    int size() {
        return bytes.length;
    }

    void writeTo(byte[] out, int off) {
        System.arraycopy(bytes, 0, out, off, bytes.length);
    }

    /** No value: an optional substitution left out. */
    public static EvtxValue none() {
        return new EvtxValue(0x00, new byte[0]);
    }

    /** UTF-16LE text, stored without a terminator. */
    public static EvtxValue string(String s) {
        return new EvtxValue(0x01, s.getBytes(StandardCharsets.UTF_16LE));
    }

    /** Text in the Windows-1252 code page. */
    public static EvtxValue ansi(String s) {
        return new EvtxValue(0x02, s.getBytes(Charset.forName("windows-1252")));
    }

    public static EvtxValue int8(int v) {
        return new EvtxValue(0x03, new byte[] {(byte) v});
    }

    public static EvtxValue uint8(int v) {
        return new EvtxValue(0x04, new byte[] {(byte) v});
    }

    public static EvtxValue int16(int v) {
        return new EvtxValue(0x05, le(2).putShort((short) v).array());
    }

    public static EvtxValue uint16(int v) {
        return new EvtxValue(0x06, le(2).putShort((short) v).array());
    }

    public static EvtxValue int32(int v) {
        return new EvtxValue(0x07, le(4).putInt(v).array());
    }

    public static EvtxValue uint32(long v) {
        return new EvtxValue(0x08, le(4).putInt((int) v).array());
    }

    public static EvtxValue int64(long v) {
        return new EvtxValue(0x09, le(8).putLong(v).array());
    }

    /** An unsigned 64-bit integer, given as the long with the same bits. */
    public static EvtxValue uint64(long v) {
        return new EvtxValue(0x0a, le(8).putLong(v).array());
    }

    public static EvtxValue real32(float v) {
        return new EvtxValue(0x0b, le(4).putFloat(v).array());
    }

    public static EvtxValue real64(double v) {
        return new EvtxValue(0x0c, le(8).putDouble(v).array());
    }

    /** A boolean, stored as a 32-bit integer. */
    public static EvtxValue bool(boolean v) {
        return new EvtxValue(0x0d, le(4).putInt(v ? 1 : 0).array());
    }

    public static EvtxValue binary(byte[] v) {
        return new EvtxValue(0x0e, v.clone());
    }

    /** A GUID written {@code 5770385f-c22a-43e0-bf4c-06f5698ffbd9}, braces optional; stored little-endian. */
    public static EvtxValue guid(String text) {
        return new EvtxValue(0x0f, guidBytes(text));
    }

    public static EvtxValue filetime(Instant t) {
        return new EvtxValue(0x11, le(8).putLong(filetimeTicks(t)).array());
    }

    /** 100-nanosecond ticks since 1601-01-01 UTC. */
    static long filetimeTicks(Instant t) {
        return (t.getEpochSecond() + FILETIME_EPOCH_SECONDS) * 10_000_000L + t.getNano() / 100;
    }

    /** A SYSTEMTIME (year, month, day of week, day, hour, minute, second, milliseconds; UTC). */
    public static EvtxValue systemtime(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        ByteBuffer b = le(16);
        b.putShort((short) z.getYear()).putShort((short) z.getMonthValue())
                .putShort((short) (z.getDayOfWeek().getValue() % 7)).putShort((short) z.getDayOfMonth())
                .putShort((short) z.getHour()).putShort((short) z.getMinute()).putShort((short) z.getSecond())
                .putShort((short) (z.getNano() / 1_000_000));
        return new EvtxValue(0x12, b.array());
    }

    /** A security identifier written {@code S-1-5-21-...}. */
    public static EvtxValue sid(String text) {
        return new EvtxValue(0x13, sidBytes(text));
    }

    public static EvtxValue hex32(long v) {
        return new EvtxValue(0x14, le(4).putInt((int) v).array());
    }

    public static EvtxValue hex64(long v) {
        return new EvtxValue(0x15, le(8).putLong(v).array());
    }

    /** An array of strings: each stored with its NUL terminator. */
    public static EvtxValue strings(String... items) {
        StringBuilder s = new StringBuilder();
        for (String item : items) s.append(item).append('\0');
        return new EvtxValue(0x81, s.toString().getBytes(StandardCharsets.UTF_16LE));
    }

    /** An array of fixed-size values of one type (integers, GUIDs, times, hex, SIDs...). */
    public static EvtxValue array(EvtxValue... items) {
        if (items.length == 0) throw new IllegalArgumentException("an array needs its item type: give one item at least");
        int type = items[0].type;
        byte[] all = new byte[0];
        for (EvtxValue item : items) {
            if (item.type != type || type == 0x01 || type == 0x0e) {
                throw new IllegalArgumentException("array items must share one fixed-size type (strings: use strings())");
            }
            int n = all.length;
            all = Arrays.copyOf(all, n + item.bytes.length);
            System.arraycopy(item.bytes, 0, all, n, item.bytes.length);
        }
        return new EvtxValue(type | 0x80, all);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] guidBytes(String text) {
        UUID u = UUID.fromString(text.replace("{", "").replace("}", ""));
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        ByteBuffer b = le(16);
        b.putInt((int) (hi >>> 32)).putShort((short) (hi >>> 16)).putShort((short) hi);
        b.order(ByteOrder.BIG_ENDIAN).putLong(lo);
        return b.array();
    }

    private static byte[] sidBytes(String text) {
        String[] parts = text.split("-");
        if (parts.length < 3 || !parts[0].equals("S")) throw new IllegalArgumentException("not a SID: " + text);
        int subs = parts.length - 3;
        ByteBuffer b = le(8 + 4 * subs);
        b.put((byte) Integer.parseInt(parts[1])).put((byte) subs);
        long authority = Long.parseLong(parts[2]);
        for (int shift = 40; shift >= 0; shift -= 8) b.put((byte) (authority >>> shift));
        for (int i = 3; i < parts.length; i++) b.putInt((int) Long.parseLong(parts[i]));
        return b.array();
    }
}
