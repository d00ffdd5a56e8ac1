package org.exhunt.logs.evtx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Debian's python3-evtx ({@code evtx_dump.py}). It renders GUIDs as {@code {guid}} in lower case, hex
 * zero-padded, FILETIMEs with a space, binary as Base64 and booleans as {@code True}, all fine; and has two bugs
 * allowed for: it converts FILETIMEs through a float (so they come out up to a microsecond off) and writes a
 * SYSTEMTIME's milliseconds as microseconds. It reads no numeric arrays.
 */
final class PythonEvtx extends ForeignReader {

    private static final Duration FLOAT_ERROR = Duration.ofNanos(2_000);   // its error, and exhunt's cut to the µs

    PythonEvtx() {
        super("evtx_dump.py", "python3-evtx");
    }

    @Override
    List<String> command(Path executable, Path file) {
        return List.of(executable.toString(), file.toString());
    }

    @Override
    String document(String output) {
        return output;
    }

    @Override
    boolean same(String ours, String theirs, int type) {
        return switch (type) {
            case 0x11 -> Duration.between(instant(ours), instant(theirs)).abs().compareTo(FLOAT_ERROR) <= 0;
            case 0x12 -> {
                Instant t = instant(theirs);
                yield instant(ours).equals(t.with(ChronoField.NANO_OF_SECOND, t.getNano() / 1000 * 1_000_000L));
            }
            case 0x0e -> ours.equals(HexFormat.of().withUpperCase().formatHex(Base64.getDecoder().decode(theirs)));
            case 0x0f -> guid(ours).equals(guid(theirs));
            case 0x14, 0x15 -> hex(ours).equals(hex(theirs));
            case 0x0d -> ours.equalsIgnoreCase(theirs);
            case 0x0b -> Float.parseFloat(ours) == Float.parseFloat(theirs);
            case 0x0c -> Double.parseDouble(ours) == Double.parseDouble(theirs);
            default -> ours.equals(theirs);
        };
    }
}
