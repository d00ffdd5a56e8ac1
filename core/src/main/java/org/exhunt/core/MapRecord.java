package org.exhunt.core;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Record} backed by a map of field values, for readers whose records are naturally maps (JSON) and
 * for tests. A field may hold several values ({@link #withRepeats}). Field lookup ignores case, and spaces when
 * a name is not found as written ({@link Record#sameName}); {@link #fieldNames()} keeps the order and case of the
 * input.
 */
public final class MapRecord implements Record {

    private final String type;
    private final Map<String, List<String>> valueLists;   // input order and case
    private final Map<String, List<String>> byLowerName;  // lookup
    private final boolean spacedNames;                     // a name holds a space: a miss looks again without
    private final String raw;
    private final Instant time;
    private final SourceRef source;

    /** A record whose fields have one value each. */
    public MapRecord(String type, Map<String, String> fields, String raw, Instant time, SourceRef source) {
        this(single(fields), type, raw, time, source);
    }

    private MapRecord(Map<String, List<String>> valueLists, String type, String raw, Instant time, SourceRef source) {
        this.type = type;
        this.valueLists = Collections.unmodifiableMap(valueLists);
        Map<String, List<String>> lower = new HashMap<>();
        boolean spaced = false;
        for (Map.Entry<String, List<String>> e : valueLists.entrySet()) {
            lower.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            spaced |= Record.hasSpace(e.getKey());
        }
        this.byLowerName = lower;
        this.spacedNames = spaced;
        this.raw = raw;
        this.time = time;
        this.source = source;
    }

    /** A record whose fields may repeat (the unnamed {@code Data} of an event); fields without values are dropped. */
    public static MapRecord withRepeats(String type, Map<String, List<String>> fields, String raw, Instant time, SourceRef source) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!v.isEmpty()) copy.put(k, List.copyOf(v));
        });
        return new MapRecord(copy, type, raw, time, source);
    }

    private static Map<String, List<String>> single(Map<String, String> fields) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    @Override
    public String field(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    @Override
    public List<String> values(String name) {
        List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
        if (v != null) return v;
        if (spacedNames || Record.hasSpace(name)) {
            for (Map.Entry<String, List<String>> e : valueLists.entrySet()) {
                if (Record.sameName(e.getKey(), name)) return e.getValue();
            }
        }
        return List.of();
    }

    @Override
    public Collection<String> fieldNames() {
        return valueLists.keySet();
    }

    /** The fields in input order, with their first values. */
    public Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        valueLists.forEach((k, v) -> out.put(k, v.get(0)));
        return Collections.unmodifiableMap(out);
    }

    /** The fields in input order, with all their values. */
    public Map<String, List<String>> valueLists() {
        return valueLists;
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
        return type + " " + valueLists + " @ " + source;
    }
}
