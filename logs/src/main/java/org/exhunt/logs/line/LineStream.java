package org.exhunt.logs.line;

import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;
import org.exhunt.core.Record;
import org.exhunt.logs.LogLimits;
import org.exhunt.logs.Problems;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.text.LineSource;
import org.exhunt.logs.text.Utf8;

/**
 * The part every line-based reader shares: pulls lines, skips and reports what cannot be read as text
 * (over-long lines, NUL bytes), warns about malformed UTF-8, and turns an I/O failure into a diagnostic and an
 * incomplete stream instead of an exception. Subclasses only turn a line into a record.
 *
 * <p>Diagnostic codes: {@code log.line-too-long} and {@code log.binary-line} (ERROR: the line was not read),
 * {@code log.invalid-utf8} (WARNING: read with U+FFFD for the bad bytes), {@code log.read-failed} (ERROR:
 * reading stopped there; {@link #complete()} is false).
 */
public abstract class LineStream implements RecordStream {

    protected final String file;
    protected final LineSource lines;
    protected final Problems problems;
    private final InputStream in;
    private Record pending;
    private boolean done;
    private boolean complete = true;

    protected LineStream(String file, InputStream in, Problems problems) {
        this.file = file;
        this.in = in;
        this.lines = new LineSource(in);
        this.problems = problems;
    }

    /**
     * Turns the current line of {@link #lines} into a record, or null for a line that holds none (a
     * directive, a blank line, a line reported as malformed). May {@link LineSource#extend()} the line.
     */
    protected abstract Record parse() throws IOException;

    @Override
    public final boolean hasNext() {
        while (pending == null && !done) advance();
        return pending != null;
    }

    @Override
    public final Record next() {
        if (!hasNext()) throw new NoSuchElementException();
        Record r = pending;
        pending = null;
        return r;
    }

    @Override
    public final boolean complete() {
        return complete;
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            problems.finish();
        }
        in.close();
    }

    private void advance() {
        try {
            if (!lines.next()) {
                finish();
                return;
            }
            if (lines.tooLong() >= 0) {
                problems.error("log.line-too-long", lines.number(), "line of " + lines.tooLong()
                        + " bytes not read (longer than " + LogLimits.MAX_LINE_BYTES + ")");
                return;
            }
            if (lines.hasNul()) {
                problems.error("log.binary-line", lines.number(), "line not read: it holds NUL bytes (binary data, not log text)");
                return;
            }
            pending = parse();
            if (pending != null && lines.hasHighBytes() && !Utf8.isValid(lines.bytes(), lines.start(), lines.end())) {
                problems.warning("log.invalid-utf8", lines.number(), "malformed UTF-8; the bad bytes read as U+FFFD");
            }
        } catch (IOException e) {
            problems.error("log.read-failed", lines.number() + Math.max(1, lines.physicalLines()),
                    "reading stopped: " + e.getMessage() + " (" + e.getClass().getSimpleName() + ")");
            complete = false;
            finish();
        }
    }

    private void finish() {
        done = true;
        problems.finish();
    }
}
