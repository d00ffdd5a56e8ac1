package org.exhunt.logs.text;

import java.time.Instant;

/**
 * Timestamps as the logs write them, parsed straight from bytes (no regex, no formatter): ISO 8601 UTC
 * ({@code 2021-03-03T06:49:51.389Z}, Exchange) and IIS's separate {@code date} and {@code time} fields.
 */
public final class Times {

    private Times() {}

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z]} (a space is accepted for the T); null when it is not one.
     */
    public static Instant iso(byte[] b, int s, int e) {
        if (e - s < 19 || b[s + 10] != 'T' && b[s + 10] != ' ') return null;
        long days = days(b, s);
        long secs = seconds(b, s + 11);
        if (days == Long.MIN_VALUE || secs < 0) return null;
        int i = s + 19;
        int nanos = 0;
        if (i < e && b[i] == '.') {
            int digits = 0;
            for (i++; i < e && b[i] >= '0' && b[i] <= '9'; i++) {
                if (digits++ < 9) nanos = nanos * 10 + (b[i] - '0');
            }
            if (digits == 0) return null;
            for (; digits < 9; digits++) nanos *= 10;
        }
        if (i < e && b[i] == 'Z') i++;
        if (i != e) return null;
        return Instant.ofEpochSecond(days * 86_400 + secs, nanos);
    }

    /** IIS {@code yyyy-MM-dd} and {@code HH:mm:ss[.fff]}; null when either is not one. */
    public static Instant iis(byte[] b, int dateStart, int dateEnd, int timeStart, int timeEnd) {
        if (dateEnd - dateStart != 10 || timeEnd - timeStart < 8) return null;
        long days = days(b, dateStart);
        long secs = seconds(b, timeStart);
        if (days == Long.MIN_VALUE || secs < 0) return null;
        int nanos = 0;
        int i = timeStart + 8;
        if (i < timeEnd) {
            if (b[i] != '.') return null;
            int digits = 0;
            for (i++; i < timeEnd; i++) {
                if (b[i] < '0' || b[i] > '9') return null;
                if (digits++ < 9) nanos = nanos * 10 + (b[i] - '0');
            }
            for (; digits < 9; digits++) nanos *= 10;
        }
        return Instant.ofEpochSecond(days * 86_400 + secs, nanos);
    }

    /** {@code yyyy-MM-dd} at s as days since 1970-01-01, or Long.MIN_VALUE. */
    static long days(byte[] b, int s) {
        int y = digits(b, s, 4);
        int m = digits(b, s + 5, 2);
        int d = digits(b, s + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || b[s + 4] != '-' || b[s + 7] != '-') return Long.MIN_VALUE;
        if (d > lengthOfMonth(y, m)) return Long.MIN_VALUE;
        // days from civil (proleptic Gregorian), after H. Hinnant's algorithm
        int yy = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(yy, 400);
        int yoe = yy - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    /** {@code HH:mm:ss} at s as seconds of the day, or -1. */
    static long seconds(byte[] b, int s) {
        int h = digits(b, s, 2);
        int mi = digits(b, s + 3, 2);
        int se = digits(b, s + 6, 2);
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60 || b[s + 2] != ':' || b[s + 5] != ':') return -1;
        return h * 3600L + mi * 60L + Math.min(se, 59);
    }

    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v;
    }

    private static int lengthOfMonth(int y, int m) {
        if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }
}
