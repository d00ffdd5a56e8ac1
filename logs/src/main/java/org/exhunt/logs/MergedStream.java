package org.exhunt.logs;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.exhunt.core.Record;

/**
 * Several record streams merged into one ordered by time, for correlating events across logs: each stream is
 * expected in time order (as logs are written); the merge always takes the earliest head. A record without a
 * time goes out as soon as it heads its stream. Ties keep the order of the streams as given. All streams are
 * open at once.
 */
public final class MergedStream implements RecordStream {

    private record Head(Record record, Instant time, int stream) {}

    private final List<RecordStream> streams;
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
        if (a.time == null || b.time == null) {
            int c = Boolean.compare(a.time != null, b.time != null);
            return c != 0 ? c : Integer.compare(a.stream, b.stream);
        }
        int c = a.time.compareTo(b.time);
        return c != 0 ? c : Integer.compare(a.stream, b.stream);
    });

    public MergedStream(List<RecordStream> streams) {
        this.streams = new ArrayList<>(streams);
        for (int i = 0; i < this.streams.size(); i++) pull(i);
    }

    private void pull(int i) {
        RecordStream s = streams.get(i);
        if (s.hasNext()) {
            Record r = s.next();
            heads.add(new Head(r, r.time(), i));
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public Record next() {
        Head h = heads.poll();
        if (h == null) throw new NoSuchElementException();
        pull(h.stream);
        return h.record;
    }

    @Override
    public boolean complete() {
        return streams.stream().allMatch(RecordStream::complete);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RecordStream s : streams) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
