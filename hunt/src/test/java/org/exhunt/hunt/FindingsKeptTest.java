package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.junit.jupiter.api.Test;

class FindingsKeptTest {

    @Test
    void keepsTheEarliestAndTheLatestOfARuleWhateverTheOrderAndCountsTheRest() {
        List<Finding> flood = new ArrayList<>();
        for (int i = 0; i < 100; i++) flood.add(finding("ip-hit", i));
        Collections.shuffle(flood, new Random(7));
        FindingsKept kept = new FindingsKept(10);
        flood.forEach(kept::add);
        kept.add(finding("other", 5));

        List<Finding> all = kept.all();
        assertThat(all).filteredOn(f -> f.ruleId().equals("ip-hit")).extracting(f -> f.time().getEpochSecond())
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 99L);
        assertThat(all).filteredOn(f -> f.ruleId().equals("other")).hasSize(1);
        assertThat(kept.dropped()).isEqualTo(Map.of("ip-hit", 89L));
    }

    @Test
    void underTheCapNothingIsDropped() {
        FindingsKept kept = new FindingsKept(10);
        for (int i = 0; i < 10; i++) kept.add(finding("r", i));
        assertThat(kept.all()).hasSize(10);
        assertThat(kept.dropped()).isEmpty();
    }

    private static Finding finding(String rule, int second) {
        return Finding.builder("sigma", rule).title(rule).severity(Severity.HIGH).stage(Stage.CONTEXT).time(Instant.ofEpochSecond(second))
                .source(SourceRef.line("u_ex210303.log", second)).build();
    }
}
