package org.exhunt.sigma.detection;

import java.util.List;
import org.exhunt.core.Evidence;
import org.exhunt.core.Limits;
import org.exhunt.sigma.prefilter.Need;

/** {@code field|exists: true/false}: whether the record has the field at all, whatever its value. */
public final class ExistsMatcher implements Matcher {

    private final FieldRef field;
    private final boolean expected;

    public ExistsMatcher(FieldRef field, boolean expected) {
        this.field = field;
        this.expected = expected;
    }

    @Override
    public boolean matches(Evaluation ev) {
        return !ev.values(field).isEmpty() == expected;
    }

    @Override
    public void explain(Evaluation ev, List<Evidence> out) {
        if (expected) {
            out.add(new Evidence(field.name(), Evidence.shorten(ev.values(field).get(0), Limits.EVIDENCE_CHARS)));
        }
    }

    @Override
    public Need need() {
        return Need.ALWAYS;
    }

    @Override
    public String toString() {
        return "(exists " + field + " " + expected + ")";
    }
}
