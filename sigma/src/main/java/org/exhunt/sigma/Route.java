package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.FieldRef;
import org.exhunt.sigma.detection.FieldSlots;
import org.exhunt.sigma.mapping.FieldAccess;
import org.exhunt.sigma.mapping.RecordSpec;
import org.exhunt.sigma.prefilter.LiteralAutomaton;
import org.exhunt.sigma.prefilter.Need;

/**
 * The rules that run on one kind of record ({@link RecordSpec}), with their literal prefilter: one automaton
 * over the required literals of all these rules, scanned over the values of the fields the rules read (and
 * over the whole record when a rule has keywords). Immutable.
 */
final class Route {

    final RecordSpec spec;
    final int slots;
    private final CompiledRule[] rules;
    private final int[] alwaysRules;          // rules that state no literal: always evaluated
    private final LiteralAutomaton automaton;
    private final int[][] rulesOfLiteral;     // literal id -> positions in rules
    private final FieldRef[] scanned;
    private final boolean scanEverything;

    /** {@code automaton} builds (or shares) the automaton of a list of literals. */
    Route(RecordSpec spec, FieldSlots fieldSlots, List<CompiledRule> compiled, boolean scanEverything,
          Function<List<String>, LiteralAutomaton> automaton) {
        this.spec = spec;
        this.slots = fieldSlots.size();
        this.rules = compiled.toArray(CompiledRule[]::new);
        this.scanEverything = scanEverything;
        List<FieldRef> refs = new ArrayList<>();
        for (FieldRef f : fieldSlots.all()) {
            // a record's own fields are part of "everything" already; mapped values (joins, variants) are not
            if (!scanEverything || !(f.access() instanceof FieldAccess.Direct)) refs.add(f);
        }
        this.scanned = refs.toArray(FieldRef[]::new);
        Map<String, Integer> literalIds = new HashMap<>();
        List<List<Integer>> byLiteral = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            Need need = rules[i].matcher().need();
            if (need.always()) {
                always.add(i);
                continue;
            }
            for (String lit : need.literals()) {
                int id = literalIds.computeIfAbsent(lit, k -> {
                    byLiteral.add(new ArrayList<>());
                    return byLiteral.size() - 1;
                });
                byLiteral.get(id).add(i);
            }
        }
        this.alwaysRules = always.stream().mapToInt(Integer::intValue).toArray();
        String[] literals = new String[literalIds.size()];
        literalIds.forEach((lit, id) -> literals[id] = lit);
        this.automaton = automaton.apply(List.of(literals));
        this.rulesOfLiteral = new int[byLiteral.size()][];
        for (int i = 0; i < byLiteral.size(); i++) {
            rulesOfLiteral[i] = byLiteral.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Every rule, in rule order: what the prefilter must agree with. */
    void all(List<CompiledRule> out) {
        out.addAll(List.of(rules));
    }

    /** The rules worth evaluating on the record in {@code ev}, in rule order, using {@code scratch}. */
    void candidates(Evaluation ev, Scratch scratch, List<CompiledRule> out) {
        scratch.begin(rules.length, rulesOfLiteral.length);
        if (automaton.size() > 0) {
            LiteralAutomaton.Hits hits = id -> {
                if (scratch.firstHitOfLiteral(id)) {
                    for (int r : rulesOfLiteral[id]) scratch.mark(r);
                }
            };
            for (FieldRef f : scanned) {
                for (String v : ev.values(f)) automaton.scan(v, hits);
            }
            if (scanEverything) {
                for (String v : ev.everything()) automaton.scan(v, hits);
            }
        }
        for (int r : alwaysRules) scratch.mark(r);
        for (int r : scratch.marked()) out.add(rules[r]);
    }

    /** Per-thread working memory of the prefilter: stamps instead of clearing arrays for every record. */
    static final class Scratch {
        private int stamp;
        private int[] ruleStamp = new int[0];
        private int[] literalStamp = new int[0];
        private int[] marked = new int[16];
        private int count;

        void begin(int rules, int literals) {
            if (++stamp == Integer.MAX_VALUE) {
                stamp = 1;
                java.util.Arrays.fill(ruleStamp, 0);
                java.util.Arrays.fill(literalStamp, 0);
            }
            if (ruleStamp.length < rules) ruleStamp = java.util.Arrays.copyOf(ruleStamp, rules);
            if (literalStamp.length < literals) literalStamp = java.util.Arrays.copyOf(literalStamp, literals);
            count = 0;
        }

        boolean firstHitOfLiteral(int id) {
            if (literalStamp[id] == stamp) return false;
            literalStamp[id] = stamp;
            return true;
        }

        void mark(int rule) {
            if (ruleStamp[rule] == stamp) return;
            ruleStamp[rule] = stamp;
            if (count == marked.length) marked = java.util.Arrays.copyOf(marked, count * 2);
            marked[count++] = rule;
        }

        /** The marked rules in ascending order. */
        int[] marked() {
            int[] out = java.util.Arrays.copyOf(marked, count);
            java.util.Arrays.sort(out);
            return out;
        }
    }
}
