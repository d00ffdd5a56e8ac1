package org.exhunt.sigma.detection;

import java.util.List;
import org.exhunt.core.Evidence;
import org.exhunt.sigma.prefilter.Need;

/**
 * A compiled part of a detection (a field test, a search identifier, a condition operator). Immutable and
 * thread-safe; {@code toString} is a deterministic dump.
 */
public interface Matcher {

    boolean matches(Evaluation ev);

    /** Adds the field values that make this matcher match (called only when it does). */
    void explain(Evaluation ev, List<Evidence> out);

    /** What a record must contain for this matcher to possibly match. */
    Need need();
}
