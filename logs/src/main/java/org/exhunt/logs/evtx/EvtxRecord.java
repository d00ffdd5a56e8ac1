package org.exhunt.logs.evtx;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;

/**
 * One event read from an EVTX file. Fields are collected when the record is read; the XML text
 * ({@link #raw()}) is rendered only when asked for, from the parsed event the record keeps.
 */
final class EvtxRecord implements Record {

    private final FieldTable fields;
    private final Fragment event;
    private final SourceRef source;
    private final Instant time;
    private String raw;

    EvtxRecord(FieldTable fields, Fragment event, SourceRef source, long writtenFiletime) {
        this.fields = fields;
        this.event = event;
        this.source = source;
        Instant created = parseTimestamp(fields.first("TimeCreated_SystemTime"));
        this.time = created != null ? created : ValueText.filetimeInstant(writtenFiletime);
    }

    @Override
    public String field(String name) {
        return fields.first(name);
    }

    @Override
    public List<String> values(String name) {
        return fields.all(name);
    }

    @Override
    public Collection<String> fieldNames() {
        return fields.names();
    }

    @Override
    public String raw() {
        if (raw == null) raw = XmlWriter.render(event);
        return raw;
    }

    @Override
    public Instant time() {
        return time;
    }

    @Override
    public SourceRef source() {
        return source;
    }

    @Override
    public String type() {
        return EvtxReader.FORMAT;
    }

    @Override
    public String toString() {
        return "evtx " + source + " " + fields.names();
    }

    /** A time as {@link ValueText} writes it ({@code 2021-03-02T05:24:53.0920515Z}), or null if it is not one. */
    static Instant parseTimestamp(String s) {
        if (s == null || s.length() != 28 || s.charAt(4) != '-' || s.charAt(10) != 'T' || s.charAt(19) != '.'
                || s.charAt(27) != 'Z') {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10),
                    digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19), digits(s, 20, 27) * 100);
            return t.toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
