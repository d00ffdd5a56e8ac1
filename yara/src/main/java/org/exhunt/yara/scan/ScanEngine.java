package org.exhunt.yara.scan;

import java.util.List;
import org.exhunt.yara.compile.CompiledRule;
import org.exhunt.yara.condition.Values;
import org.exhunt.yara.data.ScanData;
import org.exhunt.yara.data.ScanTimeoutException;
import org.exhunt.yara.modules.Module;
import org.exhunt.yara.modules.Modules;

/**
 * One scan over data with compiled rules: the automaton pass with verification (libyara's
 * {@code _yr_scanner_scan_mem_block}), module loading, then each rule's condition in order. Stateless; the
 * per-scan state is the {@link ScanContext}.
 */
public final class ScanEngine {

    /** How often, in bytes, the automaton pass checks the clock (libyara: every 4 KiB). */
    private static final int CLOCK_EVERY = 4096;

    private final Automaton automaton;
    private final List<CompiledRule> rules;
    private final Module[] modules;
    private final int namespaces;
    /** For each string, the rules whose condition requires it or another string to match. */
    private final int[][] rulesRequiring;
    /** Rules evaluated on every scan, in order: no required strings, or global. */
    private final int[] alwaysEvaluated;

    /** For each string, the string whose search finds its matches (see {@code CompiledString.matchKey}). */
    private final int[] searchedAs;

    public ScanEngine(Automaton automaton, List<CompiledRule> rules, List<String> modules, int namespaces,
            int[] searchedAs) {
        this.automaton = automaton;
        this.rules = rules;
        this.modules = modules.stream().map(Modules::get).toArray(Module[]::new);
        this.namespaces = namespaces;
        this.searchedAs = searchedAs;
        this.rulesRequiring = rulesRequiring(rules, searchedAs);
        this.alwaysEvaluated = rules.stream().filter(r -> r.requiredStrings() == null || r.isGlobal())
                .mapToInt(CompiledRule::index).toArray();
    }

    /** By searched string: the rules requiring it (or a string it is searched for, or another string). */
    private static int[][] rulesRequiring(List<CompiledRule> rules, int[] searchedAs) {
        int strings = searchedAs.length;
        int[] counts = new int[strings];
        for (CompiledRule r : rules) {
            if (r.requiredStrings() != null) for (int s : r.requiredStrings()) counts[searchedAs[s]]++;
        }
        int[][] out = new int[strings][];
        for (int s = 0; s < strings; s++) out[s] = new int[counts[s]];
        for (CompiledRule r : rules) {
            if (r.requiredStrings() != null) for (int s : r.requiredStrings()) out[searchedAs[s]][--counts[searchedAs[s]]] = r.index();
        }
        return out;
    }

    /** A fresh per-scan state sized for these rules. */
    public ScanContext newContext() {
        return new ScanContext(searchedAs, rules.size(), modules);
    }

    /**
     * Scans {@code data}. On return {@link ScanContext#trueRules} lists the rules whose condition held, in
     * order, and the returned array tells which namespaces a false global rule disabled. Throws {@link
     * ScanTimeoutException} past {@code deadlineNanos} (a {@link System#nanoTime()} value; 0 for none), which
     * the search and every loop of the conditions check as they go.
     */
    public boolean[] scan(ScanContext c, ScanData data, boolean fastMode, long deadlineNanos) {
        c.reset(data);
        c.fastMode = fastMode;
        c.deadline.set(deadlineNanos);
        c.entryPoint = EntryPoint.of(data);
        search(c, data);
        boolean[] unsatisfied = new boolean[namespaces];
        int[] candidates = candidates(c);
        for (int r : candidates) {
            c.deadline.tick();
            CompiledRule rule = rules.get(r);
            boolean ok = Values.isTrue(rule.condition().evalInt(c));
            if (ok) c.ruleTrue(r);
            else if (rule.isGlobal()) unsatisfied[rule.namespaceIndex()] = true;
        }
        return unsatisfied;
    }

    /**
     * The rules to evaluate, in order: those whose condition may hold without matches and global ones
     * (whose falsehood matters), plus those requiring strings of which some matched. The others are false
     * without evaluation, as evaluating them would find.
     */
    private int[] candidates(ScanContext c) {
        boolean[] marked = c.mayHold;
        int[] found = new int[16];
        int n = 0;
        for (int k = 0; k < c.touchedCount(); k++) {
            int s = c.touched(k);
            if (c.matches[s].count() == 0) continue;
            for (int r : rulesRequiring[s]) {
                if (marked[r]) continue;
                marked[r] = true;
                if (n == found.length) found = java.util.Arrays.copyOf(found, n * 2);
                found[n++] = r;
            }
        }
        for (int k = 0; k < n; k++) marked[found[k]] = false;
        java.util.Arrays.sort(found, 0, n);
        int[] out = new int[alwaysEvaluated.length + n];
        int a = 0;
        int b = 0;
        int o = 0;
        while (a < alwaysEvaluated.length || b < n) {
            if (b == n || (a < alwaysEvaluated.length && alwaysEvaluated[a] < found[b])) out[o++] = alwaysEvaluated[a++];
            else if (a == alwaysEvaluated.length || found[b] < alwaysEvaluated[a]) out[o++] = found[b++];
            else {
                out[o++] = alwaysEvaluated[a++];
                b++;
            }
        }
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }

    /**
     * The automaton pass, a chunk at a time: read in place from an array, or copied from a mapped file into a
     * small buffer first, so that the loop reads an array either way.
     */
    private void search(ScanContext c, ScanData data) {
        Verifier verifier = new Verifier(c);
        Automaton a = automaton;
        int[] table = a.table;
        if (a.rootReports) report(a, verifier, 0, 0);
        int state = 0;
        int size = data.size();
        byte[] array = data.array();
        byte[] bytes = array != null ? array : new byte[CLOCK_EVERY];
        int base = 0;
        for (int chunk = 0; chunk < size; chunk += CLOCK_EVERY) {
            c.deadline.check();
            int end = Math.min(size, chunk + CLOCK_EVERY);
            if (array == null) {
                data.copy(chunk, bytes, 0, end - chunk);
                base = chunk;
            }
            for (int i = chunk; i < end; i++) {
                int idx = (bytes[i - base] & 0xFF) + 1;
                int t = table[state + idx];
                while ((t & Automaton.INDEX_MASK) != idx) {
                    state = table[state] >>> Automaton.TARGET_SHIFT;
                    t = table[state + idx];
                }
                state = t >>> Automaton.TARGET_SHIFT;
                // The atoms ending with byte i: libyara reports them before reading the next byte.
                if ((t & Automaton.REPORTS) != 0) report(a, verifier, state, i + 1);
            }
        }
    }

    /** Verifies the atoms ending just before position {@code i}: the state's own, then its suffixes'. */
    private static void report(Automaton a, Verifier verifier, int state, int i) {
        for (int s = state; s >= 0; s = a.outputLink[s]) {
            for (int k = a.matchStart[s]; k < a.matchEnd[s]; k++) {
                AtomMatch m = a.matches[k];
                if (m.backtrack() <= i) verifier.verify(m, i - m.backtrack());
            }
        }
    }
}
