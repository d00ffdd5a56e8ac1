package org.exhunt.sigma.detection;

import java.util.HashMap;
import java.util.Map;
import org.exhunt.sigma.mapping.RecordSpec;
import org.exhunt.sigma.value.Fold;

/** Hands out one {@link FieldRef} per field name for all rules compiled against one {@link RecordSpec}. */
public final class FieldSlots {

    private final RecordSpec spec;
    private final Map<String, FieldRef> byName = new HashMap<>();

    public FieldSlots(RecordSpec spec) {
        this.spec = spec;
    }

    public FieldRef ref(String ruleField) {
        return byName.computeIfAbsent(Fold.fold(ruleField), k -> new FieldRef(ruleField, spec.access(ruleField), byName.size()));
    }

    public int size() {
        return byName.size();
    }

    public Iterable<FieldRef> all() {
        return byName.values();
    }
}
