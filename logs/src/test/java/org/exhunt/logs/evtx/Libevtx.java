package org.exhunt.logs.evtx;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * libevtx, the C library behind plaso and Debian's {@code evtxexport} ({@code libevtx-utils}). It renders GUIDs as
 * {@code {GUID}}, hex zero-padded, FILETIMEs to the 100 ns tick (exhunt, as the Rust crate, to the microsecond),
 * SYSTEMTIMEs to the millisecond and floats as {@code %e} with three exponent digits, all fine; and has one bug
 * allowed for: a negative signed integer is printed as a minus sign and the value with its sign bit cleared
 * (libfwevt's {@code libfwevt_integer_as_signed_decimal_copy_to_utf8_string_with_index}), so -5 as an Int8 reads
 * -123.
 */
final class Libevtx extends ForeignReader {

    Libevtx() {
        super("evtxexport", "libevtx-utils");
    }

    @Override
    List<String> command(Path executable, Path file) {
        return List.of(executable.toString(), "-f", "xml", file.toString());
    }

    /** The events one after another below a version line: wrapped in one root element. */
    @Override
    String document(String output) {
        return "<Events>" + output.substring(output.indexOf('\n') + 1) + "</Events>";
    }

    @Override
    boolean same(String ours, String theirs, int type) {
        return switch (type) {
            case 0x03 -> signMagnitude(ours, 8).equals(theirs);
            case 0x05 -> signMagnitude(ours, 16).equals(theirs);
            case 0x07 -> signMagnitude(ours, 32).equals(theirs);
            case 0x09 -> signMagnitude(ours, 64).equals(theirs);
            case 0x0f -> guid(ours).equals(guid(theirs));
            case 0x14, 0x15 -> hex(ours).equals(hex(theirs));
            case 0x11, 0x12 -> instant(ours).equals(instant(theirs));   // exhunt keeps a FILETIME to its 100 ns, as libevtx prints it
            case 0x0b, 0x0c -> scientific(ours).equals(scientific(theirs));
            default -> ours.equals(theirs);
        };
    }

    /** Six fraction digits, as libevtx prints floats. */
    private static String scientific(String v) {
        return String.format(Locale.ROOT, "%.6e", Double.parseDouble(v));
    }

    /** How libevtx prints a signed integer of {@code bits} bits. */
    private static String signMagnitude(String v, int bits) {
        long n = Long.parseLong(v);
        if (n >= 0) return v;
        long sign = 1L << (bits - 1);
        long magnitude = n & (sign - 1);
        return "-" + Long.toUnsignedString(magnitude == 0 ? sign : magnitude);
    }
}
