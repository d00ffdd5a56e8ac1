package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the logs cover: a quiet night is no gap, a missing day's file is. */
class CoverageSpansTest {

    private static final Instant EVENING = Instant.parse("2021-03-01T20:00:00Z");

    private static CoverageSpans twoFiles(Duration quiet) {
        CoverageSpans c = new CoverageSpans();
        c.add("iis", Instant.parse("2021-03-01T06:00:00Z"), EVENING);
        c.add("exchange-httpproxy", EVENING.plus(quiet), EVENING.plus(quiet).plus(Duration.ofHours(14)));
        return c;
    }

    @Test
    void filesLessThanTwelveHoursApartCoverTheTimeBetweenThem() {
        assertThat(twoFiles(CoverageSpans.QUIET).covered()).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo(Instant.parse("2021-03-01T00:00:00Z"));
            assertThat(s.what()).isEqualTo("HttpProxy, IIS logs");
        });
        assertThat(twoFiles(CoverageSpans.QUIET.plusSeconds(1)).covered()).hasSize(2);
    }

    @Test
    void aMissingDaysFileIsAlwaysAGapAndOtherLogsCoverNothing() {
        CoverageSpans c = new CoverageSpans();
        c.add("iis", Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-03-01T23:59:59Z"));
        c.add("iis", Instant.parse("2021-03-03T00:00:00Z"), Instant.parse("2021-03-03T23:59:59Z"));
        c.add("evtx", Instant.parse("2021-03-01T00:00:00Z"), Instant.parse("2021-03-04T00:00:00Z"));
        assertThat(c.covered()).extracting(s -> s.to()).containsExactly(Instant.parse("2021-03-02T05:59:59Z"),
                Instant.parse("2021-03-04T05:59:59Z"));
    }
}
