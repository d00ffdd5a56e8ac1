package org.exhunt.hunt;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The oldest and newest record time seen per log type during a scan. Thread-safe. */
final class LogSpans {

    /** One log type's reach: its oldest and newest record, and how many records had a time. */
    record Span(Instant first, Instant last, long records) {

        static Span merge(Span a, Span b) {
            if (a == null) return b;
            return new Span(a.first.isBefore(b.first) ? a.first : b.first, a.last.isAfter(b.last) ? a.last : b.last,
                    a.records + b.records);
        }
    }

    private final Map<String, Span> byType = new TreeMap<>();

    /** Adds the span of one file's records. */
    synchronized void add(String type, Span span) {
        byType.merge(type, span, Span::merge);
    }

    synchronized Map<String, Span> all() {
        return new TreeMap<>(byType);
    }
}
