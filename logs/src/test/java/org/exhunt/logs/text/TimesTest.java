package org.exhunt.logs.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (text, instant) tables, checked against java.time's own parser where the text is valid. */
class TimesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "2021-03-03T06:49:51.389Z, 2021-03-03T06:49:51.389Z",
        "2021-03-03T06:49:51Z, 2021-03-03T06:49:51Z",
        "2021-03-03T06:49:51.1234567Z, 2021-03-03T06:49:51.123456700Z",
        "2021-03-03 06:49:51, 2021-03-03T06:49:51Z",
        "1999-12-31T23:59:59.999Z, 1999-12-31T23:59:59.999Z",
        "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z",
        "2023-02-29T00:00:00Z, null",
        "2021-13-03T06:49:51Z, null",
        "2021-03-03T24:00:00Z, null",
        "2021-03-03T06:49:51.Z, null",
        "2021-03-03T06:49:51+01:00, null",
        "garbage, null",
    })
    void iso(String text, String expected) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Times.iso(b, 0, b.length)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "2021-03-05, 03:06:27, 2021-03-05T03:06:27Z",
        "2021-03-05, 03:06:27.5, 2021-03-05T03:06:27.500Z",
        "1970-01-01, 00:00:00, 1970-01-01T00:00:00Z",
        "2021-03-05, 3:06:27, null",
        "21-03-05, 03:06:27, null",
    })
    void iis(String date, String time, String expected) {
        byte[] b = (date + time).getBytes(StandardCharsets.US_ASCII);
        assertThat(Times.iis(b, 0, date.length(), date.length(), b.length))
                .isEqualTo(expected == null ? null : Instant.parse(expected));
    }
}
