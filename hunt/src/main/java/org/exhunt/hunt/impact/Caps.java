package org.exhunt.hunt.impact;

import java.util.HashSet;
import java.util.Set;

/** When two selections kept under the same cap, on different machines, join into the one a single reading keeps. */
final class Caps {

    private Caps() {}

    /**
     * Whether two sets that each keep at most {@code cap} distinct values (more are dropped or folded into one) hold
     * together every value both readings saw: neither is full, so neither let one go, and their union fits under the
     * cap, so one reading of everything would not have either. A full set may have let values go that the other
     * holds, or not: which, only the order the values came in tells.
     */
    static boolean unionFits(Set<?> a, Set<?> b, int cap) {
        if (a.size() >= cap || b.size() >= cap) return false;
        Set<Object> union = new HashSet<>(a);
        union.addAll(b);
        return union.size() <= cap;
    }
}
