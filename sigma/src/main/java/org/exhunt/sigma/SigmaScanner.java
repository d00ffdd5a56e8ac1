package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.Arrays;
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
    private final List<LazyRoute> routes = new ArrayList<>();
    private final List<CompiledRule> candidates = new ArrayList<>();
    private final Map<String, List<String>> routingFields = new HashMap<>();   // per record: fields routes test
    private final int[] firedAt;   // the record stamp a rule last fired on: a rule fires once per record
    private int stamp;
    private final boolean prefilter;

    SigmaScanner(SigmaRules rules, boolean prefilter) {
        this.rules = rules;
        this.firedAt = new int[rules.ruleCount()];
        this.prefilter = prefilter;
    }

    /** Reports every rule that fires on the record. */
    public void scan(Record record, Consumer<SigmaMatch> out) {
        routes.clear();
        rules.routesFor(record.type(), record.field(SigmaRules.CHANNEL), routes);
        if (routes.isEmpty()) return;
        if (++stamp == Integer.MAX_VALUE) {
            stamp = 1;
            Arrays.fill(firedAt, 0);
        }
        routingFields.clear();
        Function<String, List<String>> fields = name -> routingFields.computeIfAbsent(name, record::values);
        for (LazyRoute lazy : routes) {
            if (!lazy.spec.selects(record, fields)) continue;
            Route route = lazy.get();
            ev.reset(record, route.slots);
            candidates.clear();
            if (prefilter) route.candidates(ev, scratch, candidates);
            else route.all(candidates);
            for (CompiledRule c : candidates) {
                if (firedAt[c.index()] == stamp || !c.matcher().matches(ev)) continue;
                firedAt[c.index()] = stamp;
                List<Evidence> evidence = new ArrayList<>();
                c.matcher().explain(ev, evidence);
                out.accept(new SigmaMatch(c.rule(), record, evidence, route.spec));
            }
        }
    }

    /** The matches on one record, as a list. */
    public List<SigmaMatch> scan(Record record) {
        List<SigmaMatch> out = new ArrayList<>();
        scan(record, out::add);
        return out;
    }
}
