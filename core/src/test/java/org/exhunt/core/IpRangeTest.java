package org.exhunt.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.7           | 192.0.2.7                   | true",
        "192.0.2.7           | 192.0.2.70                  | false",
        "192.0.2.0/24        | 192.0.2.255                 | true",
        "192.0.2.0/24        | 192.0.3.0                   | false",
        "192.0.2.7/32        | ::ffff:192.0.2.7            | true",
        "192.0.2.7           | [::ffff:c000:207]           | true",
        "0.0.0.0/0           | 203.0.113.9                 | true",
        "0.0.0.0/0           | ::ffff:203.0.113.9          | true",
        "0.0.0.0/0           | 2001:db8::7                 | false",
        "10.0.0.0/8          | ::ffff:10.1.2.3             | true",
        "10.0.0.0/8          | ::ffff:a01:203              | true",
        "10.0.0.0/8          | ::ffff:b01:203              | false",
        "10.0.0.0/8          | ::10.1.2.3                  | false",
        "10.0.0.0/8          | 64:ff9b::10.1.2.3           | false",
        "10.1.2.3/8          | 10.200.0.1                  | true",
        "::ffff:10.0.0.0/104 | 10.1.2.3                    | true",
        "::ffff:10.0.0.0/104 | 11.1.2.3                    | false",
        "::ffff:a00:0/104    | 10.1.2.3                    | true",
        "::ffff:0:0/96       | 10.1.2.3                    | true",
        "::ffff:0:0/96       | 2001:db8::1                 | false",
        "::ffff:10.1.2.3     | 10.1.2.3                    | true",
        "::/0                | 10.1.2.3                    | true",
        "::/0                | 2001:db8::1                 | true",
        "192.168.1.0/25      | 192.168.1.127               | true",
        "192.168.1.0/25      | 192.168.1.128               | false",
        "2001:db8::/32       | 2001:db8:1:2::5             | true",
        "2001:db8::/32       | 2001:db9::5                 | false",
        "fe80::/10           | fe80::1%eth0                | true",
        "fe80::/10           | fec0::1                     | false",
        "2001:db8::1         | 2001:0db8:0:0:0:0:0:1       | true",
        "2001:db8::1         | fe80::1%12                  | false",
        "fe80::1             | fe80::1%12                  | true",
        "::1                 | ::1                         | true",
        "192.0.2.7           | 2001:db8::7                 | false",
        "192.0.2.7           | 192.0.2.007                 | true",
    })
    void containsOnlyWhatItShould(String range, String address, boolean contained) {
        assertThat(IpRange.parse(range)).hasValueSatisfying(r ->
                assertThat(r.contains(IpAddress.read(address))).isEqualTo(contained));
    }

    @ParameterizedTest(name = "{0} is no range")
    @CsvSource({"192.0.2", "192.0.2.256", "192.0.2.1/33", "::ffff:10.0.0.0/129", "2001:db8::/129", "1::2::3", "12345::",
        "host.example", "192.0.2.1/", "192.0.2.1/-1", "192.0.2.1/+8", "192.0.2.1/0008", "192.0.2.1/8/8", "1:2:3:4:5:6:7:8:9",
        "''", "/8"})
    void refusesWhatIsNoRange(String text) {
        assertThat(IpRange.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3/8          | 10.0.0.0/8           | false",
        "::ffff:10.0.0.0/104 | 10.0.0.0/8           | false",
        "192.0.2.7           | 192.0.2.7/32         | true",
        "2001:db8::1         | 2001:db8:0:0:0:0:0:1/128 | true",
    })
    void saysWhatItHolds(String text, String shown, boolean single) {
        assertThat(IpRange.parse(text)).hasValueSatisfying(r -> {
            assertThat(r).hasToString(shown);
            assertThat(r.isSingle()).isEqualTo(single);
        });
    }
}
