package org.exhunt.testkit.logs;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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
        return new String(b.bytes, 0, b.length, StandardCharsets.US_ASCII);
    }

    /** {@code yyyyMMddHH}, as Exchange names its log files. */
    static String yyyyMMddHH(long epochMilli) {
        String iso = iso(epochMilli);
        return iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10) + iso.substring(11, 13);
    }

    /** {@code yyMMdd}, as IIS names its log files. */
    static String yyMMdd(long epochMilli) {
        return yyyyMMddHH(epochMilli).substring(2, 8);
    }
}
