package org.exhunt.testkit.logs;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/** A log produced as it is read, a buffer of lines at a time. */
final class GeneratedStream extends InputStream {

    private static final int BATCH = 1 << 16;

    private final Dialect dialect;
    private final SplittableRandom random;
    private final long meanGap;
    private final long size;
    private final long end;
    private final long restartEvery;
    private final Deque<PlantedEvent> pending;
    private long buildChange;          // when the log starts showing another build; Long.MAX_VALUE: never
    private final String changedBuild;
    private final LineBuffer buf = new LineBuffer();
    private long time;
    private long lastWritten;  // time of the last line written, so planted lines never go back in time
    private long produced;     // bytes of lines written into buf so far, all batches
    private long lines;
    private int pos;
    private boolean started;
    private boolean ended;

    GeneratedStream(Dialect dialect, long seed, long start, long end, long meanGap, long size, long restartEvery,
                    List<PlantedEvent> planted, long buildChange, String changedBuild) {
        this.dialect = dialect;
        this.random = new SplittableRandom(seed);
        this.time = start;
        this.lastWritten = start;
        this.meanGap = meanGap;
        this.size = size;
        this.end = end;
        this.restartEvery = restartEvery;
        this.pending = new ArrayDeque<>(planted);
        this.buildChange = buildChange;
        this.changedBuild = changedBuild;
    }

    @Override
    public int read() {
        if (pos >= buf.length && !fill()) return -1;
        return buf.bytes[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (pos >= buf.length && !fill()) return -1;
        int n = Math.min(len, buf.length - pos);
        System.arraycopy(buf.bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() {
        if (ended) return false;
        produced += buf.length;
        buf.clear();
        pos = 0;
        while (buf.length < BATCH && !ended) step();
        return buf.length > 0;
    }

    private void step() {
        if (!started) {
            started = true;
            dialect.header(buf, time);
            return;
        }
        if (produced + buf.length >= size || time >= end) {
            while (!pending.isEmpty()) plant(pending.poll());
            ended = true;
            return;
        }
        if (!pending.isEmpty() && pending.peek().at().toEpochMilli() <= time) {
            plant(pending.poll());
            return;
        }
        if (time >= buildChange) {
            buildChange = Long.MAX_VALUE;
            if (dialect.build(changedBuild)) dialect.header(buf, time);
        }
        if (restartEvery > 0 && lines > 0 && lines % restartEvery == 0) dialect.header(buf, time);
        dialect.line(buf, time, random);
        lastWritten = time;
        lines++;
        time += random.nextLong(2 * meanGap + 1);
    }

    /** Writes a planted event at its own time (or after the last line, when that is later); the traffic goes on around it. */
    private void plant(PlantedEvent e) {
        long at = Math.max(lastWritten, e.at().toEpochMilli());
        if (dialect.planted(buf, at, e)) lastWritten = at;
    }
}
