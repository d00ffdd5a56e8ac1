package org.exhunt.sigma.modifier;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.prefilter.Need;

/**
 * {@code minute}, {@code hour}, {@code day}, {@code week}, {@code month}, {@code year}: the field read as a date
 * and time ({@code 2021-03-02T04:05:06Z}, {@code 2021-03-02 04:05:06.123}), of which one part is then matched
 * as a number, by equality or by a numeric modifier. No time-zone conversion: the text is read as written.
 */
final class TimeModifiers {

    private TimeModifiers() {}

    enum Part { MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    static final List<Modifier> ALL = List.of(
            part("minute", Part.MINUTE), part("hour", Part.HOUR), part("day", Part.DAY),
            part("week", Part.WEEK), part("month", Part.MONTH), part("year", Part.YEAR));

    private static Modifier part(String name, Part p) {
        return Modifier.of(name, c -> {
            if (c.timePart != null) throw new ModifierException("only one time part can be taken");
            c.timePart = p;
        });
    }

    /** The part of a date-time text, or -1 when the text is not one. */
    static int extract(String s, Part part) {
        String t = s.trim();
        if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') return -1;
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
        return switch (part) {
            case YEAR -> year;
            case MONTH -> month;
            case DAY -> day;
            case WEEK -> {
                try {
                    yield LocalDate.of(year, month, day).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                } catch (java.time.DateTimeException e) {
                    yield -1;
                }
            }
            case HOUR -> t.length() >= 16 && (t.charAt(10) == 'T' || t.charAt(10) == ' ') ? digits(t, 11, 2) : -1;
            case MINUTE -> t.length() >= 16 && t.charAt(13) == ':' ? digits(t, 14, 2) : -1;
        };
    }

    private static int digits(String t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Matches the part of the field's date with the inner test. */
    record PartTest(Part part, ValueTest inner) implements ValueTest {
        @Override
        public boolean test(String value, String folded, Evaluation ev) {
            int p = extract(value, part);
            if (p < 0) return false;
            String s = String.valueOf(p);
            return inner.test(s, s, ev);
        }

        @Override
        public Need need() {
            return Need.ALWAYS;
        }
    }
}
