package org.exhunt.sigma.prefilter;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a record must contain for a matcher to possibly match: one of a set of folded literals, or nothing
 * that can be stated ({@link #ALWAYS}: the matcher must always be evaluated). Immutable.
 */
public final class Need {

    /** No literal is required: negations, numbers, regular expressions, bare wildcards. */
    public static final Need ALWAYS = new Need(null);

    private final Set<String> anyOf;   // null for ALWAYS; sorted for deterministic dumps

    private Need(Set<String> anyOf) {
        this.anyOf = anyOf;
    }

    /** One of these literals is required; an empty literal means nothing can be required. */
    public static Need anyOf(Collection<String> literals) {
        if (literals.isEmpty() || literals.stream().anyMatch(String::isEmpty)) return ALWAYS;
        return new Need(new TreeSet<>(literals));
    }

    public static Need literal(String literal) {
        return anyOf(List.of(literal));
    }

    public boolean always() {
        return anyOf == null;
    }

    public Set<String> literals() {
        if (anyOf == null) throw new IllegalStateException("ALWAYS has no literals");
        return anyOf;
    }

    /** Either of two alternatives may match: both sets of literals, unless one requires nothing. */
    public static Need either(Collection<Need> alternatives) {
        Set<String> all = new TreeSet<>();
        for (Need n : alternatives) {
            if (n.always()) return ALWAYS;
            all.addAll(n.anyOf);
        }
        return anyOf(all);
    }

    /**
     * All of several parts must match: any one part's need is enough, so pick the most selective: the one whose
     * shortest literal is longest, then the one with fewest literals.
     */
    public static Need both(Collection<Need> parts) {
        Need best = ALWAYS;
        for (Need n : parts) {
            if (n.always()) continue;
            if (best.always() || better(n, best)) best = n;
        }
        return best;
    }

    private static boolean better(Need a, Need b) {
        int la = shortest(a);
        int lb = shortest(b);
        if (la != lb) return la > lb;
        return a.anyOf.size() < b.anyOf.size();
    }

    private static int shortest(Need n) {
        return n.anyOf.stream().mapToInt(String::length).min().orElse(0);
    }

    @Override
    public String toString() {
        return always() ? "ALWAYS" : anyOf.toString();
    }
}
