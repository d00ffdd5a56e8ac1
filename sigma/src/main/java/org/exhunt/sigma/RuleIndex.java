package org.exhunt.sigma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.sigma.rule.SigmaRule;

/** Loaded rules by id and by name, as filters and correlations refer to them. */
final class RuleIndex {

    private final Map<String, SigmaRule> byRef = new HashMap<>();

    RuleIndex(List<SigmaRule> rules) {
        for (SigmaRule r : rules) {
            byRef.putIfAbsent(r.id(), r);
            if (r.name() != null) byRef.putIfAbsent(r.name(), r);
        }
    }

    /** The rule with this id or name, or null. */
    SigmaRule get(String ref) {
        return byRef.get(ref);
    }
}
