package org.exhunt.testkit.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Time as the logs write it, formatted straight into a {@link LineBuffer}. */
final class Clock {

    private Clock() {}

    /** {@code yyyy-MM-dd}. */
    static void date(LineBuffer b, long epochMilli) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(epochMilli, 86_400_000L));
        b.pad(d.getYear(), 4).ch('-').pad(d.getMonthValue(), 2).ch('-').pad(d.getDayOfMonth(), 2);
    }

    /** {@code HH:mm:ss}. */
    static void time(LineBuffer b, long epochMilli) {
        long s = Math.floorMod(epochMilli, 86_400_000L) / 1000;
        b.pad(s / 3600, 2).ch(':').pad(s / 60 % 60, 2).ch(':').pad(s % 60, 2);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, as Exchange writes it. */
    static void iso(LineBuffer b, long epochMilli) {
        date(b, epochMilli);
        b.ch('T');
        time(b, epochMilli);
        b.ch('.').pad(Math.floorMod(epochMilli, 1000L), 3).ch('Z');
    }

    static String iso(long epochMilli) {
        LineBuffer b = new LineBuffer();
        iso(b, epochMilli);
        return new String(b.bytes, 0, b.length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    static long millis(Instant t) {
        return t.toEpochMilli();
    }

    static String yyMMdd(long epochMilli) {
        return Instant.ofEpochMilli(epochMilli).atOffset(ZoneOffset.UTC).toLocalDate().toString().replace("-", "").substring(2);
    }
}
