package org.exhunt.sigma.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.exhunt.core.Evidence;
import org.exhunt.core.Limits;
import org.exhunt.sigma.prefilter.Need;

/**
 * One {@code field|modifiers: values} item. Tests come in groups, one per value written in the rule (a group
 * holds a value's alternatives: windash variants, base64 offsets). Any value of the field may satisfy any test;
 * with {@code all}, every group must be satisfied by some value. {@code null} among the rule's values accepts an absent or empty
 * field; {@code neq} inverts: the field is present and no value passes any test.
 */
public final class FieldMatcher implements Matcher {

    private final FieldRef field;
    private final ValueTest[] tests;      // all groups, flattened
    private final ValueTest[][] groups;
    private final boolean all;
    private final boolean acceptsAbsent;
    private final boolean negated;
    private final Need need;
    private final Supplier<String> dump;   // built when asked: only tests and messages read it

    public FieldMatcher(FieldRef field, List<List<ValueTest>> groups, boolean all, boolean acceptsAbsent, boolean negated,
                        Supplier<String> dump) {
        this.field = field;
        this.groups = groups.stream().map(g -> g.toArray(ValueTest[]::new)).toArray(ValueTest[][]::new);
        this.tests = groups.stream().flatMap(List::stream).toArray(ValueTest[]::new);
        this.all = all;
        this.acceptsAbsent = acceptsAbsent;
        this.negated = negated;
        this.dump = dump;
        this.need = negated || acceptsAbsent ? Need.ALWAYS : needOf(this.groups, all);
    }

    @Override
    public boolean matches(Evaluation ev) {
        List<String> values = ev.values(field);
        if (negated) return !values.isEmpty() && !anyPasses(ev, values);
        if (acceptsAbsent && (values.isEmpty() || values.contains(""))) return true;
        if (values.isEmpty() || tests.length == 0) return false;
        if (!all) return anyPasses(ev, values);
        String[] folded = ev.folded(field);
        for (ValueTest[] group : groups) {
            if (!anyPasses(group, ev, values, folded)) return false;
        }
        return true;
    }

    private static boolean anyPasses(ValueTest[] group, Evaluation ev, List<String> values, String[] folded) {
        for (ValueTest t : group) {
            if (firstPassing(t, ev, values, folded) >= 0) return true;
        }
        return false;
    }

    private boolean anyPasses(Evaluation ev, List<String> values) {
        return anyPasses(tests, ev, values, ev.folded(field));
    }

    private static int firstPassing(ValueTest t, Evaluation ev, List<String> values, String[] folded) {
        for (int i = 0; i < folded.length; i++) {
            if (t.test(values.get(i), folded[i], ev)) return i;
        }
        return -1;
    }

    @Override
    public void explain(Evaluation ev, List<Evidence> out) {
        List<String> values = ev.values(field);
        if (negated || values.isEmpty()) return;
        String[] folded = ev.folded(field);
        List<Integer> shown = new ArrayList<>();
        for (ValueTest t : tests) {
            int i = firstPassing(t, ev, values, folded);
            if (i >= 0 && !shown.contains(i)) {
                shown.add(i);
                out.add(new Evidence(field.name(), Evidence.shorten(values.get(i), Limits.EVIDENCE_CHARS)));
            }
        }
    }

    @Override
    public Need need() {
        return need;
    }

    /** Any test may match; with {@code all}, one test of every group must. */
    static Need needOf(ValueTest[][] groups, boolean all) {
        List<Need> perGroup = new ArrayList<>();
        for (ValueTest[] group : groups) {
            List<Need> alternatives = new ArrayList<>();
            for (ValueTest t : group) alternatives.add(t.need());
            perGroup.add(Need.either(alternatives));
        }
        return all ? Need.both(perGroup) : Need.either(perGroup);
    }

    @Override
    public String toString() {
        return dump.get();
    }
}
