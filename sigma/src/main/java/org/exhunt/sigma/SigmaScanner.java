package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.exhunt.core.Evidence;
import org.exhunt.core.Record;
import org.exhunt.sigma.detection.Evaluation;

/**
 * Matches records against a {@link SigmaRules}, keeping per-thread working state (field caches, prefilter
 * stamps). Not thread-safe: one per thread. A rule fires at most once per record.
 */
public final class SigmaScanner {

    private final SigmaRules rules;
    private final Evaluation ev = new Evaluation(16);
    private final Route.Scratch scratch = new Route.Scratch();
    private final List<Route> routes = new ArrayList<>();
    private final List<CompiledRule> candidates = new ArrayList<>();
    private final Map<String, List<String>> routingFields = new HashMap<>();   // per record: fields routes test
    private final boolean[] fired;
    private final boolean prefilter;

    SigmaScanner(SigmaRules rules, boolean prefilter) {
        this.rules = rules;
        this.fired = new boolean[rules.ruleCount()];
        this.prefilter = prefilter;
    }

    /** Reports every rule that fires on the record. */
    public void scan(Record record, Consumer<SigmaMatch> out) {
        routes.clear();
        rules.routesFor(record.type(), record.field(SigmaRules.CHANNEL), routes);
        if (routes.isEmpty()) return;
        List<Integer> firedNow = routes.size() > 1 ? new ArrayList<>() : null;
        routingFields.clear();
        Function<String, List<String>> fields = name -> routingFields.computeIfAbsent(name, record::values);
        for (Route route : routes) {
            if (!route.spec.selects(record, fields)) continue;
            ev.reset(record, route.slots);
            candidates.clear();
            if (prefilter) route.candidates(ev, scratch, candidates);
            else route.all(candidates);
            for (CompiledRule c : candidates) {
                if (fired[c.index()] || !c.matcher().matches(ev)) continue;
                if (firedNow != null) {
                    fired[c.index()] = true;
                    firedNow.add(c.index());
                }
                List<Evidence> evidence = new ArrayList<>();
                c.matcher().explain(ev, evidence);
                out.accept(new SigmaMatch(c.rule(), record, evidence, route.spec));
            }
        }
        if (firedNow != null) firedNow.forEach(i -> fired[i] = false);
    }

    /** The matches on one record, as a list. */
    public List<SigmaMatch> scan(Record record) {
        List<SigmaMatch> out = new ArrayList<>();
        scan(record, out::add);
        return out;
    }
}
