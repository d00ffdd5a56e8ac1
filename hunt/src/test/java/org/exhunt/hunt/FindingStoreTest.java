package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.junit.jupiter.api.Test;

/** A flood of findings of one rule keeps memory bounded: the earliest and latest are kept, the rest counted. */
class FindingStoreTest {

    private static final Instant T = Instant.parse("2021-03-03T00:00:00Z");

    @Test
    void underTheCapEverythingIsKept() {
        FindingStore store = new FindingStore(6);
        for (int i = 0; i < 6; i++) store.add(finding("ioc", "attacker-ips", i));
        store.add(finding("sigma", "other", 0));

        assertThat(store.kept()).hasSize(7);
        assertThat(store.dropped()).isEmpty();
    }

    @Test
    void overTheCapTheEarliestAndLatestAreKeptWhateverTheOrderOfArrival() throws Exception {
        List<Finding> flood = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) flood.add(finding("ioc", "attacker-ips", i));
        Collections.shuffle(flood, new Random(1));
        FindingStore store = new FindingStore(10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Finding> part = flood.subList(t * 2_500, (t + 1) * 2_500);
                done.add(pool.submit(() -> part.forEach(store::add)));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        store.add(finding("yara", "EXHUNT_Chopper_JScript_Eval", 5_000));

        assertThat(store.kept()).filteredOn(f -> f.ruleId().equals("attacker-ips")).extracting(f -> f.source().line())
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 9_995L, 9_996L, 9_997L, 9_998L, 9_999L);
        assertThat(store.kept()).filteredOn(f -> f.ruleId().equals("EXHUNT_Chopper_JScript_Eval")).hasSize(1);
        assertThat(store.dropped()).isEqualTo(Map.of("attacker-ips", 9_990L));
    }

    @Test
    void findingsWithoutTimeComeLast() {
        FindingStore store = new FindingStore(2);
        store.add(Finding.builder("file", "r").title("no time").severity(Severity.HIGH).source(SourceRef.file("a")).build());
        store.add(finding("file", "r", 2));
        store.add(finding("file", "r", 1));

        assertThat(store.kept()).extracting(Finding::title).containsExactlyInAnyOrder("line 1", "no time");
        assertThat(store.dropped()).isEqualTo(Map.of("r", 1L));
    }

    @Test
    void atLeastTwoAreKept() {
        assertThatThrownBy(() -> new FindingStore(1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The i-th request of a log: one second and one line apart. */
    private static Finding finding(String detector, String rule, int i) {
        return Finding.builder(detector, rule).title("line " + i).severity(Severity.HIGH).time(T.plusSeconds(i))
                .source(SourceRef.line("u_ex210303.log", i)).build();
    }
}
