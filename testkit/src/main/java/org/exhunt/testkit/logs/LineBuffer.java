package org.exhunt.testkit.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that log lines are written into, with the formatting the logs need and no garbage. */
final class LineBuffer {

    byte[] bytes = new byte[1 << 17];
    int length;

    LineBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) bytes[length++] = (byte) s.charAt(i);
        return this;
    }

    LineBuffer utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return this;
    }

    LineBuffer ch(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    LineBuffer num(long v) {
        if (v < 0) {
            ch('-');
            v = -v;
        }
        ensure(20);
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    /** {@code n} as {@code width} digits, zero-padded. */
    LineBuffer pad(long n, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        length += width;
        return this;
    }

    LineBuffer crlf() {
        return ch('\r').ch('\n');
    }

    void clear() {
        length = 0;
    }

    private void ensure(int n) {
        if (length + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
    }
}
