package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.7        | 192.0.2.7                   | true",
        "192.0.2.7        | 192.0.2.70                  | false",
        "192.0.2.0/24     | 192.0.2.255                 | true",
        "192.0.2.0/24     | 192.0.3.0                   | false",
        "192.0.2.7/32     | ::ffff:192.0.2.7            | true",
        "192.0.2.7        | [::ffff:c000:207]           | true",
        "0.0.0.0/0        | 203.0.113.9                 | true",
        "2001:db8::/32    | 2001:db8:1:2::5             | true",
        "2001:db8::/32    | 2001:db9::5                 | false",
        "2001:db8::1      | 2001:0db8:0:0:0:0:0:1       | true",
        "2001:db8::1      | fe80::1%12                  | false",
        "fe80::1          | fe80::1%12                  | true",
        "::1              | ::1                         | true",
        "::ffff:0:0/96    | 10.1.2.3                    | true",
        "192.0.2.7        | 2001:db8::7                 | false",
        "192.0.2.7        | mail.example.com            | false",
        "192.0.2.7        | 192.0.2.7:443               | false",
        "192.0.2.7        | 192.0.2.007                 | true",
    })
    void containsOnlyWhatItShould(String range, String address, boolean contained) {
        assertThat(IpRange.parse(range)).hasValueSatisfying(r -> assertThat(r.contains(IpRange.address(address))).isEqualTo(contained));
    }

    @ParameterizedTest(name = "{0} is no range")
    @CsvSource({"192.0.2", "192.0.2.256", "192.0.2.1/33", "2001:db8::/129", "1::2::3", "12345::", "host.example",
        "192.0.2.1/", "192.0.2.1/-1", "1:2:3:4:5:6:7:8:9", "''"})
    void refusesWhatIsNoAddress(String text) {
        assertThat(IpRange.parse(text)).isEmpty();
    }
}
