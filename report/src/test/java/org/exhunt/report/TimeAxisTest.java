package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * (times, axis dump) pairs: where the axis breaks and how wide each stretch is, between x 100 and 730
 * (630 wide: each break takes 30, a single instant 90, the stretches that span time share the rest).
 */
class TimeAxisTest {

    private static TimeAxis axis(String times) {
        List<Instant> instants = Arrays.stream(times.split(" ")).map(Instant::parse).toList();
        return TimeAxis.of(instants, 100, 730);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2021-03-03T02:14:10Z | 2021-03-03T02:14:10Z [100,730]\\n
            2021-03-03T02:14:10Z 2021-03-03T02:20:01Z | 2021-03-03T02:14:10Z–2021-03-03T02:20:01Z [100,730]\\n
            2021-03-03T02:00:00Z 2021-03-03T02:50:00Z 2021-03-03T03:30:00Z | 2021-03-03T02:00:00Z–2021-03-03T03:30:00Z [100,730]\\n
            2021-03-03T02:14:10Z 2021-03-03T02:20:01Z 2022-10-01T10:00:00Z | 2021-03-03T02:14:10Z–2021-03-03T02:20:01Z [100,610]\\n2022-10-01T10:00:00Z [640,730]\\n
            """)
    void breaksOnlyAtLongGapsThatDominateTheirStretch(String times, String dump) {
        assertThat(axis(times).dump()).isEqualTo(dump.replace("\\n", "\n"));
    }

    @Test
    void theSampleBurstsGetAStretchEach() {
        TimeAxis a = axis("2021-03-03T02:14:10Z 2021-03-03T02:15:33Z 2021-03-03T02:20:01Z 2021-03-05T11:00:00Z "
                + "2022-10-01T10:00:00Z 2022-10-01T10:00:00Z");
        assertThat(a.dump()).isEqualTo("""
                2021-03-03T02:14:10Z–2021-03-03T02:20:01Z [100,490]
                2021-03-05T11:00:00Z [520,610]
                2022-10-01T10:00:00Z [640,730]
                """);
        assertThat(a.x(Instant.parse("2021-03-03T02:14:10Z"))).isEqualTo(100);
        assertThat(a.x(Instant.parse("2021-03-03T02:20:01Z"))).isEqualTo(490);
        assertThat(a.x(Instant.parse("2021-03-05T11:00:00Z"))).isEqualTo(565);
        assertThatThrownBy(() -> a.x(Instant.parse("2021-03-04T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atMostFourBreaks() {
        StringBuilder times = new StringBuilder();
        for (int day = 1; day <= 9; day++) times.append(" 2021-03-0").append(day).append("T00:00:00Z");
        assertThat(axis(times.toString().trim()).segments()).hasSizeLessThanOrEqualTo(TimeAxis.MAX_BREAKS + 1);
    }
}
