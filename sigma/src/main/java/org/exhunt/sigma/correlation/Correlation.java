package org.exhunt.sigma.correlation;

import java.util.List;
import java.util.Map;
import org.exhunt.sigma.rule.SigmaCorrelation;

/**
 * A correlation whose rule references are resolved: for each entry of its {@code rules} list, the ids of the
 * rules or correlations it stands for. Immutable.
 */
public record Correlation(SigmaCorrelation rule, List<String> refs) {

    public Correlation {
        refs = List.copyOf(refs);
    }

    /** The field an event of the rule at {@code index} is read from for {@code name} (a group-by field or alias). */
    String fieldFor(String name, int index) {
        Map<String, String> alias = rule.aliases().get(name);
        if (alias == null) return name;
        String written = rule.rules().get(index);
        String f = alias.get(written);
        if (f == null) f = alias.get(refs.get(index));
        return f != null ? f : name;
    }
}
