package org.exhunt.sigma.detection;

import org.exhunt.sigma.mapping.FieldAccess;

/**
 * A rule's field as compiled for one kind of record: its name in the rule, how it reads the record, and a slot
 * in the {@link Evaluation}'s per-record cache.
 */
public record FieldRef(String name, FieldAccess access, int slot) {

    @Override
    public String toString() {
        return access instanceof FieldAccess.Direct d && d.field().equals(name) ? name : name + "=" + access.describe();
    }
}
