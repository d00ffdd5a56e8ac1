package org.exhunt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3                                  | 10.1.2.3",
        "::ffff:10.1.2.3                           | 10.1.2.3",
        "::ffff:a01:203                            | 10.1.2.3",
        "0:0:0:0:0:FFFF:0A01:0203                  | 10.1.2.3",
        "[::ffff:10.1.2.3]                         | 10.1.2.3",
        "'  10.1.2.3 '                             | 10.1.2.3",
        "[10.1.2.3]                                | 10.1.2.3",
        "192.0.2.007                               | 192.0.2.7",
        "::                                        | 0:0:0:0:0:0:0:0",
        "::1                                       | 0:0:0:0:0:0:0:1",
        "1::                                       | 1:0:0:0:0:0:0:0",
        "2001:DB8::1                               | 2001:db8:0:0:0:0:0:1",
        "2001:db8:0:0:1::                          | 2001:db8:0:0:1:0:0:0",
        "1:2:3:4:5:6:7::                           | 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8                           | 0:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8                           | 1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:10.1.2.3                      | 1:2:3:4:5:6:a01:203",
        "::10.1.2.3                                | 0:0:0:0:0:0:a01:203",
        "::ffff:0:10.1.2.3                         | 0:0:0:0:ffff:0:a01:203",
        "64:ff9b::10.1.2.3                         | 64:ff9b:0:0:0:0:a01:203",
        "fe80::1%12                                | fe80:0:0:0:0:0:0:1",
        "[fe80::1%eth0]                            | fe80:0:0:0:0:0:0:1",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255 | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void readsWhatLogsAndIndicatorListsWrite(String text, String address) {
        assertThat(IpAddress.parse(text)).hasValueSatisfying(a -> assertThat(a).hasToString(address));
    }

    @ParameterizedTest(name = "{0} is no address")
    @CsvSource(delimiter = '|', value = {
        "''", "' '", "10.1.2", "10.1.2.3.4", "10.1.2.256", "10.1.2.1000", "10..2.3", "10.1.2.3.", ".10.1.2.3",
        "10.1.2.3%12", "10.1.2.3:443", "+10.1.2.3", "10.1.2.-3", "١٠.1.2.3", "localhost", "mail.example.com",
        ":", ":::", ":1", "1:", "1::2::3", "1:::2", "12345::", "::fffff", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
        "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7:10.1.2.3", "::10.1.2.3:1", "::ffff:10.1.2",
        "::ffff:10.1.2.3.4", "::g", "fe80::1%", "[::1", "::1]", "[]", "1.2.3.4::", "::ffff:1a.2.3.4", "::٣",
    })
    void refusesWhatIsNoAddress(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3                | true",
        "::ffff:10.1.2.3         | true",
        "::ffff:a01:203          | true",
        "2001:db8::1             | true",
        "::                      | true",
        "192.0.2.007             | false",
        "::ffff:010.1.2.3        | false",
        "'10.1.2.3 '             | false",
        "[::1]                   | false",
        "fe80::1%12              | false",
        "mail.example.com        | false",
        "10.1.2.3, 10.1.2.4      | false",
    })
    void aLiteralIsTheAddressAloneInItsStandardForm(String text, boolean literal) {
        assertThat(IpAddress.isLiteral(text)).isEqualTo(literal);
    }

    @Test
    void anIpv4AddressAndItsMappedFormsAreOneAddress() {
        IpAddress dotted = IpAddress.read("10.1.2.3");
        assertThat(IpAddress.read("::ffff:10.1.2.3")).isEqualTo(dotted).hasSameHashCodeAs(dotted);
        assertThat(IpAddress.read("::ffff:a01:203")).isEqualTo(dotted);
        assertThat(dotted.isIpv4()).isTrue();
        assertThat(IpAddress.read("::10.1.2.3")).isNotEqualTo(dotted).matches(a -> !a.isIpv4());
    }

    @Test
    void textLongerThanAnyAddressIsNotRead() {
        assertThat(IpAddress.read("1:".repeat(500_000) + ":1")).isNull();
        assertThat(IpAddress.read("1.".repeat(500_000) + "1")).isNull();
        assertThat(IpAddress.isLiteral("0".repeat(1_000_000))).isFalse();
    }

    /** Random addresses, written by the JDK and in compressed forms, read back as the JDK reads them. */
    @Test
    void agreesWithTheJdkOnRandomAddresses() throws Exception {
        Random random = new Random(20210302);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            int zeros = random.nextInt(17); // runs of zeros, so that '::' stands for something
            int at = random.nextInt(17 - zeros);
            for (int i = at; i < at + zeros; i++) bytes[i] = 0;
            if (random.nextInt(4) == 0) { // IPv4-mapped
                java.util.Arrays.fill(bytes, 0, 10, (byte) 0);
                bytes[10] = (byte) 0xff;
                bytes[11] = (byte) 0xff;
            }
            String jdk = Inet6Address.getByAddress(null, bytes, null).getHostAddress();
            String compressed = compressed(bytes, random);
            byte[] expected = sixteen(InetAddress.getByName(compressed).getAddress()); // a literal: never looked up

            assertThat(expected).as(compressed).isEqualTo(bytes);
            assertThat(IpAddress.read(jdk)).as(jdk).isEqualTo(new IpAddress(bytes));
            assertThat(IpAddress.read(compressed)).as(compressed).isEqualTo(new IpAddress(bytes));
            assertThat(IpAddress.isLiteral(compressed)).as(compressed).isTrue();
        }
    }

    /** The longest run of zero groups as '::', hex in either case, an IPv4-mapped address with a dotted tail. */
    private static String compressed(byte[] b, Random random) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        boolean mapped = groups[5] == 0xffff && java.util.stream.IntStream.range(0, 5).allMatch(i -> groups[i] == 0);
        int last = mapped ? 6 : 8;
        int bestAt = -1;
        int bestLength = 0;
        for (int i = 0; i < last; i++) {
            int j = i;
            while (j < last && groups[j] == 0) j++;
            if (j - i > bestLength) {
                bestAt = i;
                bestLength = j - i;
            }
            i = Math.max(i, j - 1);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < last; i++) {
            if (i == bestAt) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(groups[i]));
        }
        if (mapped) {
            if (s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.').append(b[14] & 0xff).append('.').append(b[15] & 0xff);
        }
        return random.nextBoolean() ? s.toString().toUpperCase(Locale.ROOT) : s.toString();
    }

    private static byte[] sixteen(byte[] address) {
        if (address.length == 16) return address;
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(address, 0, out, 12, 4);
        return out;
    }
}
