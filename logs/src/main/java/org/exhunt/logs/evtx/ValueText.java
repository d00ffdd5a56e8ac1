package org.exhunt.logs.evtx;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Text of EVTX values as the Rust {@code evtx} crate's {@code evtx_dump} writes them, which is how SigmaHQ's
 * regression JSON was made and so what rules are written against: GUIDs upper-case without braces, hex integers as
 * lower-case {@code 0x...} without padding, binary as upper-case hex, SIDs as {@code S-1-5-18}. Times are the one
 * exception: {@code evtx_dump} cuts a FILETIME to microseconds, Windows writes all seven digits of its 100 ns
 * ({@code 2021-03-02T05:24:53.0920515Z}, UTC), and so does exhunt, losing nothing of what the log holds.
 */
final class ValueText {

    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    /** Seconds from 1601-01-01 (the FILETIME epoch) to 1970-01-01. */
    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

    private ValueText() {}

    /** A GUID stored little-endian in its first three groups: {@code 5770385F-C22A-43E0-BF4C-06F5698FFBD9}. */
    static String guid(byte[] b, int off) {
        char[] out = new char[36];
        int n = 0;
        int[] order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) out[n++] = '-';
            int v = b[off + order[i]] & 0xff;
            out[n++] = UPPER[v >>> 4];
            out[n++] = UPPER[v & 0xf];
        }
        return new String(out);
    }

    /**
     * A security identifier: revision, 48-bit big-endian authority (in decimal, as the Rust crate writes it
     * even where Windows would use hex), then the little-endian sub-authorities present.
     */
    static String sid(byte[] b, int off, int len) {
        if (len < 8) return "S-?";
        long authority = 0;
        for (int i = 2; i < 8; i++) authority = (authority << 8) | (b[off + i] & 0xff);
        StringBuilder s = new StringBuilder(48).append("S-").append(b[off] & 0xff).append('-').append(authority);
        int count = Math.min(b[off + 1] & 0xff, (len - 8) / 4);
        for (int i = 0; i < count; i++) {
            s.append('-').append(Bytes.u32(b, off + 8 + 4 * i));
        }
        return s.toString();
    }

    /** A FILETIME (100 ns ticks since 1601, unsigned), to the tick. */
    static String filetime(long ticks) {
        LocalDateTime t = LocalDateTime.ofInstant(filetimeInstant(ticks), ZoneOffset.UTC);
        return timestamp(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), t.getNano() / 100);
    }

    /** A FILETIME as an instant, to the tick like its text. */
    static Instant filetimeInstant(long ticks) {
        long seconds = Long.divideUnsigned(ticks, 10_000_000);
        long rest = Long.remainderUnsigned(ticks, 10_000_000);
        return Instant.ofEpochSecond(seconds - FILETIME_EPOCH_SECONDS, rest * 100);
    }

    /**
     * A SYSTEMTIME (eight little-endian 16-bit fields). All zero means unset and renders as the FILETIME
     * epoch, as the Rust crate does; an impossible date renders as its bytes in hex, so nothing is lost.
     */
    static String systemtime(byte[] b, int off) {
        int year = Bytes.u16(b, off);
        int month = Bytes.u16(b, off + 2);
        int day = Bytes.u16(b, off + 6);
        int hour = Bytes.u16(b, off + 8);
        int minute = Bytes.u16(b, off + 10);
        int second = Bytes.u16(b, off + 12);
        int millis = Bytes.u16(b, off + 14);
        if (year == 0 && month == 0 && day == 0 && hour == 0 && minute == 0 && second == 0 && millis == 0) {
            return timestamp(1601, 1, 1, 0, 0, 0, 0);
        }
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59 || millis > 999) {
            return binary(b, off, 16);
        }
        return timestamp(year, month, day, hour, minute, second, millis * 10_000);
    }

    static String hex(long unsigned) {
        return "0x" + Long.toHexString(unsigned);
    }

    static String binary(byte[] b, int off, int len) {
        char[] out = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xff;
            out[2 * i] = UPPER[v >>> 4];
            out[2 * i + 1] = UPPER[v & 0xf];
        }
        return new String(out);
    }

    /** {@code 2021-03-02T05:24:53.0920515Z}: seven digits of the second, in 100 ns ticks. */
    private static String timestamp(int year, int month, int day, int hour, int minute, int second, int ticks) {
        StringBuilder s = new StringBuilder(28);
        pad(s, year, 4).append('-');
        pad(s, month, 2).append('-');
        pad(s, day, 2).append('T');
        pad(s, hour, 2).append(':');
        pad(s, minute, 2).append(':');
        pad(s, second, 2).append('.');
        return pad(s, ticks, 7).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) s.append('0');
        return s.append(digits);
    }
}
