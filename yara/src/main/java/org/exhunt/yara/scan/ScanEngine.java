package org.exhunt.yara.scan;

import java.util.List;
import org.exhunt.yara.compile.CompiledRule;
import org.exhunt.yara.condition.Values;
import org.exhunt.yara.modules.Module;
import org.exhunt.yara.modules.Modules;
import org.exhunt.yara.modules.ObjectValue;

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
    private final List<String> modules;
    private final int namespaces;

    public ScanEngine(Automaton automaton, List<CompiledRule> rules, List<String> modules, int namespaces) {
        this.automaton = automaton;
        this.rules = rules;
        this.modules = modules;
        this.namespaces = namespaces;
    }

    /** A fresh per-scan state sized for these rules. */
    public ScanContext newContext(int strings) {
        ScanContext c = new ScanContext(strings, rules.size());
        c.moduleRoots = new ObjectValue.Struct[modules.size()];
        return c;
    }

    /**
     * Scans {@code data[0, size)}. On return {@code c.ruleResults} holds each rule's result and the returned
     * array tells which namespaces a false global rule disabled. Throws {@link ScanTimeoutException} past
     * {@code deadlineNanos} (a {@link System#nanoTime()} value; 0 for none).
     */
    public boolean[] scan(ScanContext c, byte[] data, int size, boolean fastMode, long deadlineNanos) {
        c.reset(data, size);
        c.fastMode = fastMode;
        c.entryPoint = EntryPoint.of(data, size);
        search(c, data, size, deadlineNanos);
        for (int i = 0; i < modules.size(); i++) {
            Module m = Modules.get(modules.get(i));
            ObjectValue.Struct root = ObjectValue.emptyStruct(m.declarations());
            m.load(root, c);
            c.moduleRoots[i] = root;
        }
        boolean[] unsatisfied = new boolean[namespaces];
        for (CompiledRule rule : rules) {
            long v = rule.condition().evalInt(c);
            boolean ok = Values.isTrue(v);
            c.ruleResults[rule.index()] = ok ? 1 : 0;
            if (!ok && rule.isGlobal()) unsatisfied[rule.namespaceIndex()] = true;
            if (deadlineNanos != 0 && System.nanoTime() > deadlineNanos) throw new ScanTimeoutException();
        }
        return unsatisfied;
    }

    private void search(ScanContext c, byte[] data, int size, long deadlineNanos) {
        Verifier verifier = new Verifier(c);
        Automaton a = automaton;
        int[] table = a.table;
        boolean[] hasMatches = a.hasMatches;
        int state = 0;
        for (int i = 0; i < size; i++) {
            if ((i & (CLOCK_EVERY - 1)) == 0 && deadlineNanos != 0 && System.nanoTime() > deadlineNanos) {
                throw new ScanTimeoutException();
            }
            if (hasMatches[state]) report(a, verifier, state, i);
            int idx = (data[i] & 0xFF) + 1;
            int t = table[state + idx];
            while ((t & 0x1FF) != idx) {
                state = table[state] >>> 9;
                t = table[state + idx];
            }
            state = t >>> 9;
        }
        if (hasMatches[state]) report(a, verifier, state, size);
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
