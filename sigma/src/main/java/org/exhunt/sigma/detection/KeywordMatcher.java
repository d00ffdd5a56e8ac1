package org.exhunt.sigma.detection;

import java.util.List;
import java.util.function.Supplier;
import org.exhunt.core.Evidence;
import org.exhunt.core.Limits;
import org.exhunt.sigma.prefilter.Need;

/**
 * Keywords: values searched in the whole record, that is every value of every field ({@link
 * Evaluation#everything()}). A plain
 * keyword matches anywhere ({@code contains}); several are OR-ed, or AND-ed under {@code '|all':}.
 */
public final class KeywordMatcher implements Matcher {

    private final ValueTest[][] groups;   // one per keyword written, with its alternatives
    private final boolean all;
    private final Need need;
    private final Supplier<String> dump;   // built when asked: only tests and messages read it

    public KeywordMatcher(List<List<ValueTest>> groups, boolean all, Supplier<String> dump) {
        this.groups = groups.stream().map(g -> g.toArray(ValueTest[]::new)).toArray(ValueTest[][]::new);
        this.all = all;
        this.dump = dump;
        this.need = FieldMatcher.needOf(this.groups, all);
    }

    @Override
    public boolean matches(Evaluation ev) {
        for (ValueTest[] group : groups) {
            boolean hit = false;
            for (ValueTest t : group) {
                if (firstPassing(t, ev) >= 0) {
                    hit = true;
                    break;
                }
            }
            if (hit && !all) return true;
            if (!hit && all) return false;
        }
        return all && groups.length > 0;
    }

    private static int firstPassing(ValueTest t, Evaluation ev) {
        List<String> values = ev.everything();
        String[] folded = ev.everythingFolded();
        for (int i = 0; i < folded.length; i++) {
            if (t.test(values.get(i), folded[i], ev)) return i;
        }
        return -1;
    }

    @Override
    public void explain(Evaluation ev, List<Evidence> out) {
        for (ValueTest[] group : groups) {
            for (ValueTest t : group) {
                int i = firstPassing(t, ev);
                if (i >= 0) {
                    out.add(new Evidence("keyword", Evidence.shorten(ev.everything().get(i), Limits.EVIDENCE_CHARS)));
                    break;
                }
            }
        }
    }

    @Override
    public Need need() {
        return need;
    }

    @Override
    public String toString() {
        return dump.get();
    }
}
