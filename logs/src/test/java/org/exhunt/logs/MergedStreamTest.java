package org.exhunt.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.junit.jupiter.api.Test;

class MergedStreamTest {

    private static Record rec(String name, Integer second) {
        return new MapRecord("test", Map.of("n", name), name, second == null ? null : Instant.ofEpochSecond(second), SourceRef.file(name));
    }

    private static RecordStream of(Record... records) {
        Iterator<Record> it = List.of(records).iterator();
        return new RecordStream() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public Record next() { return it.next(); }
            @Override public boolean complete() { return true; }
            @Override public void close() {}
        };
    }

    @Test
    void mergesByTimeWithUntimedRecordsFirstAndTiesInStreamOrder() throws Exception {
        List<String> out = new ArrayList<>();
        try (MergedStream m = new MergedStream(List.of(
                of(rec("a1", 1), rec("a3", 3), rec("a5", 5)),
                of(rec("b0", null), rec("b2", 2), rec("b3", 3)),
                of()))) {
            while (m.hasNext()) out.add(m.next().raw());
        }
        assertThat(out).containsExactly("b0", "a1", "b2", "a3", "b3", "a5");
    }
}
