package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.exhunt.core.Diagnostic;
import org.exhunt.sigma.mapping.LogSource;
import org.exhunt.sigma.rule.RuleException;
import org.exhunt.sigma.rule.SigmaFilter;
import org.exhunt.sigma.rule.SigmaRule;

/**
 * Pairs filter documents with the rules they name. A filter applies to a rule whose log source agrees with the
 * filter's on every key the filter sets; a filter naming no loaded rule, or a rule of another log source, is
 * reported as a warning and not applied there; one naming an inactive rule is left for when the rule runs.
 */
final class Filters {

    private Filters() {}

    /**
     * @param inactive rules loaded but inactive (placeholders without values): a filter naming one is not applied and
     *                 not reported, since the rule does not run (a scan runs the rule pack's with the install path
     *                 filled in, compiled apart with the same filters)
     */
    static List<AppliedFilter> resolve(List<SigmaFilter> filters, RuleIndex rules, RuleIndex inactive,
                                       List<Diagnostic> problems, Map<SigmaRule, List<SigmaFilter>> filtersOf) {
        List<AppliedFilter> applied = new ArrayList<>();
        for (SigmaFilter f : filters) {
            List<SigmaRule> targets = new ArrayList<>();
            for (String ref : f.rules()) {
                SigmaRule r = rules.get(ref);
                if (r == null && inactive.get(ref) != null) {
                    continue;
                } else if (r == null) {
                    problems.add(Diagnostic.warning(RuleException.FILTER, f.detection().where(),
                            "filter " + f.id() + " names " + ref + ", which is no loaded rule; not applied there"));
                } else if (!fits(f.detection().logsource(), r.logsource())) {
                    problems.add(Diagnostic.warning(RuleException.FILTER, f.detection().where(),
                            "filter " + f.id() + " is for " + f.detection().logsource() + " but rule " + r.id()
                                    + " is for " + r.logsource() + "; not applied there"));
                } else if (!targets.contains(r)) {
                    targets.add(r);
                    filtersOf.computeIfAbsent(r, k -> new ArrayList<>()).add(f);
                }
            }
            applied.add(new AppliedFilter(f, targets));
        }
        return applied;
    }

    private static boolean fits(LogSource filter, LogSource rule) {
        return (filter.category() == null || Objects.equals(filter.category(), rule.category()))
                && (filter.product() == null || Objects.equals(filter.product(), rule.product()))
                && (filter.service() == null || Objects.equals(filter.service(), rule.service()));
    }
}
