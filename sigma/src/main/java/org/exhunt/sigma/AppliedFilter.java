package org.exhunt.sigma;

import java.util.List;
import org.exhunt.sigma.rule.SigmaFilter;
import org.exhunt.sigma.rule.SigmaRule;

/** A filter document and the loaded rules it was added to (for the run report). */
public record AppliedFilter(SigmaFilter filter, List<SigmaRule> rules) {

    public AppliedFilter {
        rules = List.copyOf(rules);
    }
}
