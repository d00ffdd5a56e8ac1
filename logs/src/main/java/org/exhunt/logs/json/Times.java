package org.exhunt.logs.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The time of a JSON record: the event's {@code TimeCreated} or a usual timestamp key, read as UTC. */
final class Times {

    private static final String[] KEYS = {"@timestamp", "timestamp", "TimeCreated_SystemTime", "time", "datetime", "UtcTime"};
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

    private Times() {}

    static Instant of(JsonNode record) {
        JsonNode created = record.path("Event").path("System").path("TimeCreated").path("#attributes").path("SystemTime");
        if (created.isTextual()) return parse(created.asText());
        for (String k : KEYS) {
            JsonNode v = record.get(k);
            if (v != null && v.isTextual()) {
                Instant t = parse(v.asText());
                if (t != null) return t;
            }
        }
        return null;
    }

    static Instant parse(String s) {
        String t = s.trim();
        // the usual forms (UTC, 'T' or a space, with or without 'Z') without an exception per record; the
        // formatters below are left for offsets and rarer forms
        byte[] ascii = t.getBytes(StandardCharsets.ISO_8859_1);
        Instant utc = org.exhunt.logs.text.Times.iso(ascii, 0, ascii.length);
        if (utc != null) return utc;
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO with an offset; try without
        }
        try {
            return LocalDateTime.parse(t, t.indexOf('T') > 0 ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
