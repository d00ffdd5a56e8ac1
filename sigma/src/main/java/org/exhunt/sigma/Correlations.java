package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.sigma.correlation.Correlation;
import org.exhunt.sigma.rule.RuleException;
import org.exhunt.sigma.rule.SigmaCorrelation;
import org.exhunt.sigma.rule.SigmaRule;

/**
 * Resolves the rules a correlation names (by id or name: loaded rules or other correlations). A correlation
 * that names an unknown or inactive rule, that takes part in a cycle, or that is built on a chain of more than
 * {@link Limits#SIGMA_CORRELATION_CHAIN} correlations, is not loaded. Decides which rules and correlations report
 * on their own: those no correlation uses without {@code generate: true}.
 */
final class Correlations {

    private Correlations() {}

    /** Correlations ready to run, and the ids whose own findings are not reported. */
    record Resolved(List<Correlation> correlations, Set<String> silent) {}

    static Resolved resolve(List<SigmaCorrelation> all, RuleIndex rules, RuleIndex inactive, List<Diagnostic> problems) {
        Map<String, SigmaCorrelation> byRef = new HashMap<>();
        for (SigmaCorrelation c : all) {
            byRef.putIfAbsent(c.id(), c);
            if (c.name() != null) byRef.putIfAbsent(c.name(), c);
        }
        Map<String, Correlation> ok = new LinkedHashMap<>();
        for (SigmaCorrelation c : all) {
            List<String> refs = new ArrayList<>();
            String problem = null;
            for (String ref : c.rules()) {
                SigmaRule r = rules.get(ref);
                SigmaCorrelation other = byRef.get(ref);
                if (r != null) refs.add(r.id());
                else if (other != null) refs.add(other.id());
                else if (inactive.get(ref) != null) problem = "names " + ref + ", which is inactive (placeholders without values)";
                else problem = "names " + ref + ", which is no loaded rule or correlation";
                if (problem != null) break;
            }
            if (problem == null) ok.put(c.id(), new Correlation(c, refs));
            else problems.add(Diagnostic.error(RuleException.CORRELATION, c.where(), "correlation " + c.id() + " " + problem));
        }
        dropCycles(ok, problems);
        dropDeep(ok, problems);
        dropBroken(ok, byRef, problems);
        Set<String> silent = new HashSet<>();
        Set<String> generated = new HashSet<>();
        for (Correlation c : ok.values()) {
            (c.rule().generate() ? generated : silent).addAll(c.refs());
        }
        silent.removeAll(generated);
        Set<Correlation> ordered = new LinkedHashSet<>();
        for (SigmaCorrelation c : all) {
            if (ok.get(c.id()) != null) ordered.add(ok.get(c.id()));
        }
        return new Resolved(List.copyOf(ordered), silent);
    }

    /** A correlation that depends (directly or not) on itself cannot run. */
    private static void dropCycles(Map<String, Correlation> ok, List<Diagnostic> problems) {
        for (String id : new CorrelationGraph(ok).onCycles()) {
            problems.add(Diagnostic.error(RuleException.CORRELATION, ok.get(id).rule().where(), "correlation " + id + " depends on itself"));
            ok.remove(id);
        }
    }

    /** Nor can one built on too long a chain of correlations: each link is a call when a correlation fires. */
    private static void dropDeep(Map<String, Correlation> ok, List<Diagnostic> problems) {
        Map<String, Integer> depths = new CorrelationGraph(ok).depths();
        for (String id : new ArrayList<>(ok.keySet())) {
            if (depths.get(id) > Limits.SIGMA_CORRELATION_CHAIN) {
                problems.add(Diagnostic.error(RuleException.CORRELATION, ok.get(id).rule().where(), "correlation " + id
                        + " is built on a chain of more than " + Limits.SIGMA_CORRELATION_CHAIN + " correlations"));
                ok.remove(id);
            }
        }
    }

    /** A correlation naming a correlation that was not loaded cannot run either. */
    private static void dropBroken(Map<String, Correlation> ok, Map<String, SigmaCorrelation> byRef, List<Diagnostic> problems) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String id : new ArrayList<>(ok.keySet())) {
                for (String r : ok.get(id).refs()) {
                    if (byRef.containsKey(r) && !ok.containsKey(r)) {
                        problems.add(Diagnostic.error(RuleException.CORRELATION, ok.get(id).rule().where(),
                                "correlation " + id + " names correlation " + r + ", which was not loaded"));
                        ok.remove(id);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }
}
