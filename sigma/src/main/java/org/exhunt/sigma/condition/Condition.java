package org.exhunt.sigma.condition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed condition. {@code toString} prints a fully bracketed prefix form, e.g.
 * {@code (and selection (not (1-of filter*)))}, used by tests as a dump.
 */
public sealed interface Condition {

    /** A search identifier by name. */
    record Ref(String name) implements Condition {
        @Override public String toString() { return name; }
    }

    /**
     * {@code N of pattern} or {@code all of pattern}; {@code pattern} is a name with {@code *} wildcards or
     * {@code them} (every identifier not starting with {@code _}).
     *
     * @param count how many must match, or {@link #ALL}
     */
    record Of(int count, String pattern) implements Condition {
        public static final int ALL = -1;
        public boolean them() { return pattern.equals("them"); }
        @Override public String toString() { return "(" + (count == ALL ? "all" : count) + "-of " + pattern + ")"; }
    }

    record And(List<Condition> terms) implements Condition {
        @Override public String toString() { return join("and", terms); }
    }

    record Or(List<Condition> terms) implements Condition {
        @Override public String toString() { return join("or", terms); }
    }

    record Not(Condition term) implements Condition {
        @Override public String toString() { return "(not " + term + ")"; }
    }

    private static String join(String op, List<Condition> terms) {
        return terms.stream().map(Condition::toString).collect(Collectors.joining(" ", "(" + op + " ", ")"));
    }
}
