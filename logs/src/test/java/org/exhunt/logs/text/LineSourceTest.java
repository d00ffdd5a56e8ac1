package org.exhunt.logs.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.exhunt.logs.LogLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of the eight-bytes-at-a-time line scanner against the obvious byte loop, on random
 * input rich in what it looks for (LF, CR, NUL, bytes above 0x7F) at every offset within a word.
 */
class LineSourceTest {

    record Line(String text, boolean nul, boolean high, boolean terminated) {}

    static List<Line> reference(byte[] in) {
        List<Line> out = new ArrayList<>();
        int from = in.length >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF ? 3 : 0;
        while (from < in.length) {
            int nl = from;
            while (nl < in.length && in[nl] != '\n') nl++;
            boolean terminated = nl < in.length;
            int end = terminated && nl > from && in[nl - 1] == '\r' ? nl - 1 : nl;
            boolean nul = false;
            boolean high = false;
            for (int i = from; i < end; i++) {
                nul |= in[i] == 0;
                high |= in[i] < 0;
            }
            out.add(new Line(Arrays.toString(Arrays.copyOfRange(in, from, end)), nul, high, terminated));
            from = nl + 1;
        }
        return out;
    }

    static List<Line> scanned(InputStream in) throws IOException {
        List<Line> out = new ArrayList<>();
        LineSource s = new LineSource(in);
        while (s.next()) {
            out.add(new Line(Arrays.toString(s.copy()), s.hasNul(), s.hasHighBytes(), s.terminated()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void splitsLikeTheObviousLoop(long seed) throws IOException {
        Random r = new Random(seed);
        byte[] in = new byte[200_000 + r.nextInt(1000)];
        byte[] alphabet = {'a', 'b', ',', ' ', '\n', '\r', 0, (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};
        int lineLength = 1 + r.nextInt(40);
        for (int i = 0; i < in.length; i++) {
            // mostly plain text, with the special bytes at random places
            in[i] = r.nextInt(lineLength) == 0 ? alphabet[4 + r.nextInt(6)] : alphabet[r.nextInt(4)];
        }
        if (seed % 2 == 0) {
            in[0] = (byte) 0xEF;
            in[1] = (byte) 0xBB;
            in[2] = (byte) 0xBF;
        }
        List<Line> expected = reference(in);
        assertThat(scanned(new ByteArrayInputStream(in))).isEqualTo(expected);
        int step = 1 + r.nextInt(13);
        assertThat(scanned(new FilterInputStream(new ByteArrayInputStream(in)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, step));
            }
        })).isEqualTo(expected);
    }

    /**
     * The cap holds to the byte, although the buffer is a chunk larger than it: a line of exactly
     * {@link LogLimits#MAX_LINE_BYTES} is read, one byte more (or a few KiB more, its end already in the buffer)
     * is skipped and its length told, and the line after it is read either way.
     */
    @ParameterizedTest
    @ValueSource(ints = {1 << 16, 7})
    void linesPastTheCapAreSkippedToTheByte(int step) throws IOException {
        int cap = LogLimits.MAX_LINE_BYTES;
        StringBuilder text = new StringBuilder();
        for (int length : new int[] {cap, cap + 1, cap + 50_000}) {
            text.append("a".repeat(length - 1)).append("\r\n").append("next\n");   // the CR counts: the cap is on the bytes before LF
        }
        byte[] in = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        LineSource s = new LineSource(new FilterInputStream(new ByteArrayInputStream(in)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, step));
            }
        });
        List<String> seen = new ArrayList<>();
        while (s.next()) seen.add(s.tooLong() >= 0 ? "skipped " + s.tooLong() : s.length() + " bytes");
        assertThat(seen).containsExactly((cap - 1) + " bytes", "4 bytes", "skipped " + (cap + 1), "4 bytes",
                "skipped " + (cap + 50_000), "4 bytes");
    }
}
