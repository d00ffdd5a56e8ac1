package org.exhunt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2021-03-03T05:52:10Z,           2021-03-03T05:52:10Z",
        "2021-03-03T05:52:10.750Z,       2021-03-03T05:52:10.750Z",
        "2021-03-03T05:52:10.751156Z,    2021-03-03T05:52:10.751156Z",
        "2021-03-03T05:52:10.7511565Z,   2021-03-03T05:52:10.7511565Z",
        "2021-03-03T05:52:10.751156500Z, 2021-03-03T05:52:10.7511565Z",
        "2021-03-03T05:52:10.751156501Z, 2021-03-03T05:52:10.751156501Z",
        "2021-03-03T05:52:10.0000001Z,   2021-03-03T05:52:10.0000001Z",
        "1601-01-01T00:00:00Z,           1601-01-01T00:00:00Z",
        "+30828-09-14T02:48:05.4775807Z, +30828-09-14T02:48:05.477580700Z",
    })
    void theFewestOf0367Or9DigitsThatHoldTheTime(String in, String out) {
        Instant t = Instant.parse(in);
        assertThat(IsoTime.format(t)).isEqualTo(out);
        assertThat(Instant.parse(IsoTime.format(t))).isEqualTo(t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1", "100", "1000", "100000", "1000000", "999999999", "123456700"})
    void agreesWithInstantToStringExceptOnTheHundredNanosecondStep(int nano) {
        Instant t = Instant.ofEpochSecond(1_614_750_730L, nano);
        String java = t.toString();
        String ours = IsoTime.format(t);
        if (nano % 100 == 0 && nano % 1000 != 0) assertThat(ours).hasSize(java.length() - 2);
        else assertThat(ours).isEqualTo(java);
    }
}
