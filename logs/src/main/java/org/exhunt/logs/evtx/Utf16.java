package org.exhunt.logs.evtx;

import java.nio.charset.StandardCharsets;

/**
 * UTF-16LE decoding, the hot path of EVTX reading. Most event text is Latin-1, which gets a compact
 * string without a charset decoder; other text is decoded by hand, replacing unpaired surrogates with
 * U+FFFD as a lossy decoder does.
 */
final class Utf16 {

    /** Room for the longest string a 64 KiB chunk can hold, reused per thread to spare an allocation per value. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[32 * 1024]);

    private Utf16() {}

    /** {@code chars} UTF-16 code units from {@code off}; the caller has checked the bounds. */
    static String decode(byte[] b, int off, int chars) {
        if (chars <= 0) return "";
        byte[] latin1 = SCRATCH.get();
        if (latin1.length < chars) return decodeWide(b, off, chars);
        for (int i = 0; i < chars; i++) {
            int p = off + 2 * i;
            if (b[p + 1] != 0) return decodeWide(b, off, chars);
            latin1[i] = b[p];
        }
        return new String(latin1, 0, chars, StandardCharsets.ISO_8859_1);
    }

    /**
     * A string value of a template instance as the Rust crate reads it: up to the first NUL, without
     * trailing white space (Unicode's White_Space, as Rust's {@code char::is_whitespace}); Windows pads some
     * values, such as 4624's {@code LogonProcessName} ("Advapi  ") and Sysmon's command lines.
     */
    static String decodeValue(byte[] b, int off, int chars) {
        int len = 0;
        while (len < chars && (b[off + 2 * len] != 0 || b[off + 2 * len + 1] != 0)) len++;
        while (len > 0 && isWhiteSpace((char) Bytes.u16(b, off + 2 * (len - 1)))) len--;
        return decode(b, off, len);
    }

    /** Unicode's White_Space property (all of it lies in the Basic Multilingual Plane). */
    static boolean isWhiteSpace(char c) {
        if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0d);
        if (c < 0x85) return false;
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    private static String decodeWide(byte[] b, int off, int chars) {
        char[] out = new char[chars];
        for (int i = 0; i < chars; i++) {
            out[i] = (char) Bytes.u16(b, off + 2 * i);
        }
        for (int i = 0; i < chars; i++) {
            char c = out[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < chars && Character.isLowSurrogate(out[i + 1])) {
                    i++;
                } else {
                    out[i] = '\uFFFD';
                }
            } else if (Character.isLowSurrogate(c)) {
                out[i] = '\uFFFD';
            }
        }
        return new String(out);
    }
}
