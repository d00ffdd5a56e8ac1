package org.exhunt.sigma.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.exhunt.core.Record;
import org.exhunt.sigma.value.Fold;

/**
 * One kind of record a log source selects: record types, field values that must hold (for Windows events the
 * {@code Channel}, the {@code Provider_Name} and the {@code EventID}), and the field renames rules see it
 * through. Immutable.
 *
 * @param name   {@code file#index}, for dumps and messages
 * @param types  record types ({@code evtx}, {@code json}, {@code iis}, ...)
 * @param where  field → accepted values (folded); all fields must hold one of their values
 * @param fields rule field name (folded) → how it reads the record; names not listed read the record's own field
 */
public record RecordSpec(String name, Set<String> types, Map<String, Set<String>> where, Map<String, FieldAccess> fields) {

    public RecordSpec {
        types = Set.copyOf(types);
        where = Collections.unmodifiableMap(new LinkedHashMap<>(where));
        fields = Map.copyOf(fields);
    }

    /** Whether a record is of this kind. */
    public boolean selects(Record r) {
        return selects(r, name -> r.values(name));
    }

    /**
     * Whether a record is of this kind, reading its fields through {@code fields}, which callers checking many
     * kinds against one record can back with a cache.
     */
    public boolean selects(Record r, Function<String, List<String>> fields) {
        if (!types.contains(r.type())) return false;
        for (Map.Entry<String, Set<String>> w : where.entrySet()) {
            if (!holds(fields.apply(w.getKey()), w.getValue())) return false;
        }
        return true;
    }

    private static boolean holds(List<String> values, Set<String> accepted) {
        for (String v : values) {
            if (accepted.contains(Fold.fold(v.trim()))) return true;
        }
        return false;
    }

    /** How a rule's field name reads records of this kind. */
    public FieldAccess access(String ruleField) {
        FieldAccess a = fields.get(Fold.fold(ruleField));
        return a != null ? a : new FieldAccess.Direct(ruleField);
    }

    /** The kind that reads records of any type with the rule's field names as they are (for checking rules). */
    public static RecordSpec identity() {
        return new RecordSpec("identity", Set.of(), Map.of(), Map.of());
    }
}
