package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * (value type, stored bytes) → text, as the Rust crate's evtx_dump writes each value: the rendering Sigma
 * rules are written against. Expected texts come from the crate's documented behaviour (its renderer and
 * the Ryu float layout), not from this reader. Times are the exception: seven digits of the second, the 100 ns a
 * FILETIME holds, as Windows writes them (evtx_dump cuts them to six).
 */
class ValueRenderingTest {

    static Stream<Arguments> values() {
        return Stream.of(
                // strings: cut at the first NUL, trailing white space trimmed, leading kept
                row(0x01, "41004200", "AB"),
                row(0x01, "410000004200", "A"),
                row(0x01, "2000410020002000090000300000", " A"),
                row(0x01, "", ""),
                row(0x01, "3dd800de", "\uD83D\uDE00"),
                row(0x01, "3dd84100", "\uFFFDA"),
                row(0x02, "4100e900004200", "AéB"),
                // integers
                row(0x03, "ff", "-1"),
                row(0x04, "ff", "255"),
                row(0x05, "00 80", "-32768"),
                row(0x06, "ffff", "65535"),
                row(0x07, "ffffffff", "-1"),
                row(0x08, "ffffffff", "4294967295"),
                row(0x09, "ffffffffffffffff", "-1"),
                row(0x0a, "ffffffffffffffff", "18446744073709551615"),
                // floats in Ryu's layout
                row(0x0c, "000000000000f03f", "1.0"),
                row(0x0c, "9a9999999999b93f", "0.1"),
                row(0x0c, "0000000000000000", "0.0"),
                row(0x0c, "0000000000000080", "-0.0"),
                row(0x0c, "e555b1eec4292f46", "1.2345e30"),
                row(0x0c, "00000000000000a0", "-1.4916681462400413e-154"),
                row(0x0c, "00c84e676dc1ab43", "1e18"),
                row(0x0c, "00f323845bd7b843", "1.79e18"),
                row(0x0c, "b990a22996b6e33e", "9.4e-6"),
                row(0x0c, "000000000000f07f", "inf"),
                row(0x0c, "000000000000f8ff", "NaN"),
                row(0x0b, "0000803f", "1.0"),
                row(0x0b, "cdcccc3d", "0.1"),
                row(0x0b, "ffff7f7f", "3.4028235e38"),
                // booleans are 32-bit: any non-zero is true
                row(0x0d, "01000000", "true"),
                row(0x0d, "00000000", "false"),
                row(0x0d, "02000000", "true"),
                // binary as upper-case hex
                row(0x0e, "00ff10ab", "00FF10AB"),
                // GUIDs: first three groups little-endian, upper case, no braces
                row(0x0f, "5f387057 2ac2 e043 bf4c06f5698ffbd9", "5770385F-C22A-43E0-BF4C-06F5698FFBD9"),
                // SizeT: hex of its width
                row(0x10, "e7030000", "0x3e7"),
                row(0x10, "0000000000000080", "0x8000000000000000"),
                // FILETIME: microseconds, Z
                row(0x11, "0000000000000000", "1601-01-01T00:00:00.0000000Z"),
                row(0x11, "3e4cc85f240fd701", "2021-03-02T05:24:53.0920510Z"),
                row(0x11, "424cc85f240fd701", "2021-03-02T05:24:53.0920514Z"),
                // SYSTEMTIME: all zero means unset; an impossible date is kept as hex
                row(0x12, "e507 0300 0200 0200 0500 1800 3500 5c00", "2021-03-02T05:24:53.0920000Z"),
                row(0x12, "00000000000000000000000000000000", "1601-01-01T00:00:00.0000000Z"),
                row(0x12, "e507 0d00 0000 0200 0500 1800 3500 5c00", "E5070D00000002000500180035005C00"),
                // SIDs: authority in decimal, sub-authorities as present
                row(0x13, "010100000000000512000000", "S-1-5-18"),
                row(0x13, "0105000000000005 15000000 c79df3d7 7c90a7c8 1455ce01 f4010000", "S-1-5-21-3623067079-3366424700-30299412-500"),
                row(0x13, "0102000000000005 20000000", "S-1-5-32"),
                row(0x13, "0101", "S-?"),
                // hex integers: lower case, no padding
                row(0x14, "03100480", "0x80041003"),
                row(0x14, "00000000", "0x0"),
                row(0x15, "0000000000000080", "0x8000000000000000"),
                row(0x15, "4cc4030000000000", "0x3c44c"),
                // a value too short for its type is kept as hex rather than failing the record
                row(0x08, "0102", "0102"));
    }

    @ParameterizedTest(name = "type 0x{0} {1} -> {2}")
    @MethodSource("values")
    void rendersAsEvtxDump(String type, String hex, String expected) throws EvtxFormatException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Object value = ValueDecoder.decode(Integer.parseInt(type, 16), bytes, 0, bytes.length, null, 0);
        assertThat(value).isEqualTo(expected);
    }

    static Stream<Arguments> arrays() {
        return Stream.of(
                Arguments.of(0x81, "410000000000420000004300", new String[] {"A", "", "B", "C"}),
                Arguments.of(0x88, "0100000002000000", new String[] {"1", "2"}),
                Arguments.of(0x8f, "5f3870572ac2e043bf4c06f5698ffbd9" + "00000000000000000000000000000000",
                        new String[] {"5770385F-C22A-43E0-BF4C-06F5698FFBD9", "00000000-0000-0000-0000-000000000000"}),
                Arguments.of(0x93, "010100000000000512000000" + "0102000000000005" + "2000000021020000",
                        new String[] {"S-1-5-18", "S-1-5-32-545"}),
                Arguments.of(0x94, "0a000000ff000000", new String[] {"0xa", "0xff"}));
    }

    @ParameterizedTest(name = "array type 0x{0}")
    @MethodSource("arrays")
    void arraysGiveOneTextPerItem(int type, String hex, String[] expected) throws EvtxFormatException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(ValueDecoder.decode(type, bytes, 0, bytes.length, null, 0)).isEqualTo(expected);
    }

    private static Arguments row(int type, String hex, String expected) {
        return Arguments.of(Integer.toHexString(type), hex.replace(" ", ""), expected);
    }
}
