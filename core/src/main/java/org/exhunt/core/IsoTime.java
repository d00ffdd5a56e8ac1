package org.exhunt.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How every output writes a time: ISO 8601 in UTC, {@code 2021-03-03T05:52:10.7511565Z}, with the fraction of the
 * second in the fewest of 0, 3, 6, 7 or 9 digits that hold it exactly. That is {@link Instant#toString()} (whole
 * seconds, milliseconds, microseconds, nanoseconds) plus the 100-nanosecond step of Windows' FILETIME, so that an
 * event log's time is shown as Windows records it rather than cut to microseconds or padded to nanoseconds.
 */
public final class IsoTime {

    private IsoTime() {}

    public static String format(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(32);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return t.toString(); // outside ISO's four-digit years: Java's own extended form
        }
        pad(s, year, 4).append('-');
        pad(s, d.getMonthValue(), 2).append('-');
        pad(s, d.getDayOfMonth(), 2).append('T');
        pad(s, d.getHour(), 2).append(':');
        pad(s, d.getMinute(), 2).append(':');
        pad(s, d.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : nano % 100 == 0 ? 7 : 9;
            String nine = Integer.toString(nano + 1_000_000_000).substring(1);
            s.append('.').append(nine, 0, digits);
        }
        return s.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) s.append('0');
        return s.append(digits);
    }
}
