package org.exhunt.logs.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.exhunt.logs.LogLimits;

/**
 * Splits a byte stream into lines without decoding it: the current line is a window {@code [start, end)}
 * over {@link #bytes()}, valid until the next call. Line ends are LF or CR LF; a UTF-8 byte-order mark at
 * the very start is skipped. While it looks for the line end it notes whether the line holds NUL bytes
 * (binary junk) or bytes above 0x7F (text that must be checked as UTF-8), so readers need no second pass.
 *
 * <p>Memory stays bounded: a line longer than {@link LogLimits#MAX_LINE_BYTES} is read and thrown away up to
 * its end, and reported through {@link #tooLong()}.
 *
 * <p>For quoted CSV values that span lines, {@link #extend()} joins the next physical line to the current
 * one and {@link #retreat()} goes back to the first line alone when the quote turns out never to close.
 */
public final class LineSource {

    private static final int CHUNK = 1 << 16;
    private static final long NEWLINES = Swar.repeat('\n');

    private final InputStream in;
    private byte[] buf = new byte[CHUNK];
    private int limit;              // valid bytes in buf
    private boolean eof;

    private int start;              // current line
    private int end;
    private int next;               // where the line after the current one starts
    private int firstEnd;           // the first physical line of an extended line
    private int firstNext;
    private long number = 1;        // 1-based line number of the current line's first physical line
    private int physicalLines;      // physical lines in the current line
    private long tooLongBytes = -1; // length of a skipped over-long line, or -1
    private boolean hasNul;
    private boolean hasHighBytes;
    private boolean terminated;
    private boolean bomChecked;

    public LineSource(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        number += physicalLines;
        start = next;
        tooLongBytes = -1;
        if (!bomChecked) skipBom();
        if (start >= limit && !fill(start)) {
            physicalLines = 0;
            return false;
        }
        physicalLines = 1;
        hasNul = false;
        hasHighBytes = false;
        if (!scanLine(start)) return true;  // over-long: reported by tooLong()
        firstEnd = end;
        firstNext = next;
        return true;
    }

    /**
     * Joins the next physical line (with the line break between them) to the current line. False, leaving
     * the current line as it was, at the end of the input or when the joined line would pass the caps.
     */
    public boolean extend() throws IOException {
        if (!terminated || physicalLines >= LogLimits.MAX_LINES_PER_RECORD) return false;
        int savedEnd = end - start;     // relative: fill() moves the buffer
        int savedNext = next - start;
        if (next >= limit && !fill(start)) return false;
        int from = next;
        boolean nul = hasNul;
        boolean high = hasHighBytes;
        if (!scanFrom(from) || pastCap()) {
            end = start + savedEnd;
            next = start + savedNext;
            hasNul = nul;
            hasHighBytes = high;
            return false;
        }
        physicalLines++;
        return true;
    }

    /** Goes back to the first physical line of an extended line; the lines joined to it will be read again. */
    public void retreat() {
        end = firstEnd;
        next = firstNext;
        physicalLines = 1;
        terminated = true;
        rescanFlags();
    }

    public byte[] bytes() {
        return buf;
    }

    public int start() {
        return start;
    }

    /** End of the current line, before its line break. */
    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    /** 1-based number of the current line (its first physical line when extended). */
    public long number() {
        return number;
    }

    /** Physical lines in the current line (more than one after {@link #extend()}). */
    public int physicalLines() {
        return physicalLines;
    }

    /** The length of the current line when it was too long to keep (its content is not available), else -1. */
    public long tooLong() {
        return tooLongBytes;
    }

    public boolean hasNul() {
        return hasNul;
    }

    /** Whether the line holds bytes above 0x7F, i.e. needs a UTF-8 check. */
    public boolean hasHighBytes() {
        return hasHighBytes;
    }

    /** Whether the line ended with a line break (the last line of a file cut short does not). */
    public boolean terminated() {
        return terminated;
    }

    /** The current line as a fresh array. */
    public byte[] copy() {
        return Arrays.copyOfRange(buf, start, end);
    }

    // Finds the end of the line that starts at {@code from}. False when it was too long and was skipped.
    private boolean scanLine(int from) throws IOException {
        if (scanFrom(from)) {
            if (!pastCap()) return true;
            // its end was in the buffer, which holds a little more than the cap: the cap applies all the same
            tooLongBytes = next - 1 - start;
            start = end = next;
            return false;
        }
        // over-long: throw it away up to its line break
        long length = (long) limit - start;
        next = limit;
        while (true) {
            if (!fill(next)) {
                terminated = false;
                break;
            }
            int nl = indexOfNewline(next, limit);
            if (nl >= 0) {
                length += nl - next;
                next = nl + 1;
                terminated = true;
                break;
            }
            length += limit - next;
            next = limit;
        }
        tooLongBytes = length;
        start = end = next;
        return false;
    }

    // Scans from `from` to the next LF, refilling as needed, and sets end/next/flags. False when the buffer fills
    // before a LF (the line from `start` then passes MAX_LINE_BYTES). A LF found within the buffer's extra chunk
    // can still end a line over the cap: callers check pastCap() after a true.
    private boolean scanFrom(int from) throws IOException {
        int i = from;
        boolean nul = hasNul;
        long acc = hasHighBytes ? 0x80 : 0;
        while (true) {
            byte[] b = buf;
            int lim = limit;
            while (i < lim) {
                if (i + 8 <= lim) {
                    long w = Swar.word(b, i);
                    long m = Swar.zeroByte(w ^ NEWLINES) | Swar.zeroByte(w);
                    if (m == 0) {
                        acc |= w;
                        i += 8;
                        continue;
                    }
                    int k = Long.numberOfTrailingZeros(m) >>> 3;   // the first LF or NUL in the word
                    acc |= w & ((1L << (8 * k)) - 1);
                    i += k;
                }
                byte c = b[i];
                if ((c & 0xE0) == 0) {
                    if (c == '\n') {
                        end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                        next = i + 1;
                        terminated = true;
                        hasNul = nul;
                        hasHighBytes = (acc & Swar.HIGHS) != 0;
                        return true;
                    }
                    if (c == 0) nul = true;
                }
                acc |= c;
                i++;
            }
            if (i - start > LogLimits.MAX_LINE_BYTES) {
                hasNul = nul;
                hasHighBytes = (acc & Swar.HIGHS) != 0;
                return false;
            }
            int shift = start;
            if (!fill(start)) {
                end = limit;
                next = limit;
                terminated = false;
                hasNul = nul;
                hasHighBytes = (acc & Swar.HIGHS) != 0;
                return true;
            }
            i -= shift - start;  // fill() moved the data so that `start` is 0
        }
    }

    // Whether the line just scanned (a terminated one) holds more than MAX_LINE_BYTES before its LF. The scan
    // itself stops only when the buffer is full, and the buffer is a chunk larger than the cap.
    private boolean pastCap() {
        return terminated && next - 1 - start > LogLimits.MAX_LINE_BYTES;
    }

    private void rescanFlags() {
        boolean nul = false;
        int acc = 0;
        for (int i = start; i < end; i++) {
            if (buf[i] == 0) nul = true;
            acc |= buf[i];
        }
        hasNul = nul;
        hasHighBytes = (acc & 0x80) != 0;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) if (buf[i] == '\n') return i;
        return -1;
    }

    /**
     * Reads more input, keeping the bytes from {@code keep} on (moved to the front of the buffer; all positions
     * are shifted). False when nothing more could be read.
     */
    private boolean fill(int keep) throws IOException {
        if (eof) return false;
        int kept = limit - keep;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, kept);
            start -= keep;
            end -= keep;
            next -= keep;
            firstEnd -= keep;
            firstNext -= keep;
            limit = kept;
        }
        if (limit == buf.length) {
            int max = LogLimits.MAX_LINE_BYTES + CHUNK;
            buf = Arrays.copyOf(buf, Math.min(max, buf.length * 2));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private void skipBom() throws IOException {
        bomChecked = true;
        while (limit < 3 && fill(0)) {
            // the first read may return fewer than three bytes
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = next = 3;
        }
    }
}
