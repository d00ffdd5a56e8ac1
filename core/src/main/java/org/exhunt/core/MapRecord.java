package org.exhunt.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Record} backed by a map of field values, for readers whose records are naturally maps (JSON) and
 * for tests. Field lookup ignores case; {@link #fieldNames()} keeps the order and case of the input.
 */
public final class MapRecord implements Record {

    private final String type;
    private final Map<String, String> fields;          // input order and case
    private final Map<String, String> byLowerName;     // lookup
    private final String raw;
    private final Instant time;
    private final SourceRef source;

    public MapRecord(String type, Map<String, String> fields, String raw, Instant time, SourceRef source) {
        this.type = type;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Map<String, String> lower = new TreeMap<>();
        fields.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        this.byLowerName = lower;
        this.raw = raw;
        this.time = time;
        this.source = source;
    }

    @Override
    public String field(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public Collection<String> fieldNames() {
        return fields.keySet();
    }

    /** The fields in input order. */
    public Map<String, String> fields() {
        return fields;
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
        return type;
    }

    @Override
    public String toString() {
        return type + " " + fields + " @ " + source;
    }
}
