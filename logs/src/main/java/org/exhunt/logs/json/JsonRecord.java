package org.exhunt.logs.json;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;

/** A record read from one JSON object: fields with one or more values each (unnamed event {@code Data}). */
final class JsonRecord implements Record {

    static final String TYPE = "json";

    private final Map<String, List<String>> fields;       // input order and case
    private final Map<String, List<String>> byLowerName;
    private final String raw;
    private final Instant time;
    private final SourceRef source;

    JsonRecord(Map<String, List<String>> fields, String raw, Instant time, SourceRef source) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Map<String, List<String>> lower = new HashMap<>();
        fields.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        this.byLowerName = lower;
        this.raw = raw;
        this.time = time;
        this.source = source;
    }

    @Override
    public String field(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    @Override
    public List<String> values(String name) {
        List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    @Override
    public Collection<String> fieldNames() {
        return fields.keySet();
    }

    @Override
    public String raw() {
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
        return TYPE;
    }

    @Override
    public String toString() {
        return TYPE + " " + fields + " @ " + source;
    }
}
