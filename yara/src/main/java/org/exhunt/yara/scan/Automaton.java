package org.exhunt.yara.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.yara.compile.Atom;
import org.exhunt.yara.compile.CompiledString;
import org.exhunt.yara.store.CorruptRulesException;
import org.exhunt.yara.store.In;
import org.exhunt.yara.store.Out;

/**
 * One Aho-Corasick automaton over the atoms (at most four bytes) of all strings of all rules.
 *
 * <p><b>Layout.</b> States are laid out in one {@code int[]} as in libyara's interleaved transition table: a
 * state is an offset {@code s}; slot {@code s} holds its failure link and slot {@code s + 1 + b} its
 * transition on byte {@code b}, as {@code target << 10 | reports << 9 | (b + 1)}, where {@code reports} tells
 * whether the target state has matches to report. States share the table where their slots do not collide,
 * and the low 9 bits tell whose a slot is. The root owns all 256 transitions, so following
 * failure links always ends. This keeps hundreds of thousands of states in a few megabytes and makes a step
 * one or two array reads.
 *
 * <p><b>Matches.</b> Each state lists the atoms ending there in insertion order (strings in rule order, each
 * string's atoms in the order they were chosen), then, through {@link #outputLink}, those of its longest
 * proper suffix state that has any, and so on: libyara's order, which decides which of two equal-offset
 * matches is kept.
 */
public final class Automaton {

    static final int INDEX_MASK = (1 << 9) - 1;
    static final int REPORTS = 1 << 9;
    static final int TARGET_SHIFT = 10;

    final int[] table;
    /** Per state (by offset): first and end index of its own matches in {@link #matches}. */
    final int[] matchStart;
    final int[] matchEnd;
    /** Per state: the nearest suffix state (by failure links) with matches of its own, or -1. */
    final int[] outputLink;
    /** Whether the root reports matches (strings without atoms): then every position has some. */
    final boolean rootReports;
    final AtomMatch[] matches;
    private final int states;
    /** Table offset of each state (the root first). */
    private final int[] stateBases;

    private Automaton(int[] table, int[] matchStart, int[] matchEnd, int[] outputLink, boolean rootReports,
            AtomMatch[] matches, int[] stateBases) {
        this.table = table;
        this.matchStart = matchStart;
        this.matchEnd = matchEnd;
        this.outputLink = outputLink;
        this.rootReports = rootReports;
        this.matches = matches;
        this.states = stateBases.length;
        this.stateBases = stateBases;
    }

    /** Writes the automaton for the compiled-rules file. */
    public void write(Out out) throws IOException {
        out.i32(states);
        out.ints(table);
        int[] bases = stateBases;
        out.ints(bases);
        for (int b : bases) {
            out.i32(matchStart[b]);
            out.i32(matchEnd[b]);
            out.i32(outputLink[b]);
        }
        out.bool(rootReports);
        out.i32(matches.length);
        for (AtomMatch m : matches) {
            out.i32(m.string().index);
            out.i32(m.backtrack());
            out.i32(m.forwardEntry());
            out.i32(m.backwardEntry());
        }
    }

    /**
     * Reads an automaton written by {@link #write} for {@code strings}, checking what a scan relies on:
     * transitions and failure links lead to states, failure and output links end at the root, the root has a
     * transition on every byte, and every match names a string and a place in its programs.
     */
    public static Automaton read(In in, List<CompiledString> strings) throws IOException {
        int states = in.count(1 << 22);
        int[] table = in.ints(1 << 22);
        int[] bases = in.ints(states);
        if (bases.length != states || states == 0 || bases[0] != 0 || table.length < 257) {
            throw new CorruptRulesException("bad automaton layout");
        }
        java.util.BitSet isState = new java.util.BitSet();
        for (int b : bases) {
            if (b < 0 || b + 257 > table.length) throw new CorruptRulesException("state outside the table");
            isState.set(b);
        }
        int[] matchStart = new int[table.length];
        int[] matchEnd = new int[table.length];
        int[] outputLink = new int[table.length];
        Arrays.fill(outputLink, -1);
        for (int b : bases) {
            matchStart[b] = in.i32();
            matchEnd[b] = in.i32();
            outputLink[b] = in.i32();
        }
        boolean rootReports = in.bool();
        AtomMatch[] matches = new AtomMatch[in.count(1 << 24)];
        for (int i = 0; i < matches.length; i++) {
            CompiledString s = strings.get(in.i32(0, strings.size() - 1));
            int backtrack = in.i32(0, 1 << 24);
            int forward = in.i32();
            int backward = in.i32();
            if (!entryOk(forward, s.forward()) || !entryOk(backward, s.backward())) {
                throw new CorruptRulesException("bad match entry");
            }
            matches[i] = new AtomMatch(s, backtrack, forward, backward);
        }
        for (int b = 1; b <= 256; b++) {
            if ((table[b] & INDEX_MASK) != b) throw new CorruptRulesException("root without a transition on " + (b - 1));
        }
        for (int base : bases) {
            if (matchStart[base] < 0 || matchStart[base] > matchEnd[base] || matchEnd[base] > matches.length) {
                throw new CorruptRulesException("bad match range");
            }
            if (outputLink[base] != -1 && (outputLink[base] < 0 || !isState.get(outputLink[base]))) {
                throw new CorruptRulesException("bad output link");
            }
            if (base != 0 && !isState.get(table[base] >>> TARGET_SHIFT)) throw new CorruptRulesException("bad failure link");
            for (int idx = 1; idx <= 256; idx++) {
                int t = table[base + idx];
                if ((t & INDEX_MASK) == idx && !isState.get(t >>> TARGET_SHIFT)) throw new CorruptRulesException("bad transition");
            }
        }
        checkLinksEnd(bases, table, outputLink);
        return new Automaton(table, matchStart, matchEnd, outputLink, rootReports, matches, bases);
    }

    private static boolean entryOk(int pc, org.exhunt.yara.regex.Program p) {
        return pc == -1 || (p != null && p.startsInstruction(pc));
    }

    /** Failure links must reach the root and output links run out: no cycle may trap a scan. */
    private static void checkLinksEnd(int[] bases, int[] table, int[] outputLink) throws CorruptRulesException {
        java.util.Map<Integer, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < bases.length; i++) order.put(bases[i], i);
        byte[] failureDone = new byte[bases.length];
        byte[] outputDone = new byte[bases.length];
        failureDone[0] = 2;
        for (int start : bases) {
            walk(start, order, failureDone, s -> s == 0 ? -1 : table[s] >>> TARGET_SHIFT);
            walk(start, order, outputDone, s -> outputLink[s]);
        }
    }

    /** Follows {@code link} from {@code start}, marking states in progress (1) and known to end (2). */
    private static void walk(int start, java.util.Map<Integer, Integer> order, byte[] done,
            java.util.function.IntUnaryOperator link) throws CorruptRulesException {
        java.util.List<Integer> path = new java.util.ArrayList<>();
        for (int s = start; s != -1; s = link.applyAsInt(s)) {
            int i = order.get(s);
            if (done[i] == 2) break;
            if (done[i] == 1) throw new CorruptRulesException("link cycle in the automaton");
            done[i] = 1;
            path.add(i);
        }
        for (int i : path) done[i] = 2;
    }

    /** The state after reading byte {@code b} in state {@code state}. */
    int next(int state, int b) {
        int idx = b + 1;
        int t = table[state + idx];
        while ((t & INDEX_MASK) != idx) {
            state = table[state] >>> TARGET_SHIFT;
            t = table[state + idx];
        }
        return t >>> TARGET_SHIFT;
    }

    /** Builds the automaton of the atoms of {@code strings} (in index order) that search for themselves. */
    public static Automaton build(List<CompiledString> strings, int[] searchedAs) {
        return new Builder().build(strings, searchedAs);
    }

    private static final class Builder {
        /** State number by atom prefix: key = length << 32 | bytes. */
        private final StateIds ids = new StateIds();
        private long[] keys = new long[1024];
        private int count;
        /** The atoms ending at each state, by state number (null when none). */
        private final List<List<AtomMatch>> own = new ArrayList<>();

        private static long key(byte[] bytes, int length) {
            long k = 0;
            for (int i = 0; i < length; i++) k = (k << 8) | (bytes[i] & 0xFF);
            return ((long) length << 32) | k;
        }

        private int state(long key) {
            int id = ids.get(key);
            if (id >= 0) return id;
            int n = count++;
            ids.put(key, n);
            if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
            keys[n] = key;
            own.add(null);
            return n;
        }

        private List<AtomMatch> own(int state) {
            List<AtomMatch> m = own.get(state);
            return m != null ? m : List.of();
        }

        Automaton build(List<CompiledString> strings, int[] searchedAs) {
            state(0L); // root
            for (CompiledString s : strings) {
                if (searchedAs[s.index] != s.index) continue;
                for (Atom atom : s.atoms()) {
                    byte[] b = atom.bytes();
                    int st = 0;
                    for (int len = 1; len <= b.length; len++) st = state(key(b, len));
                    if (own.get(st) == null) own.set(st, new ArrayList<>());
                    own.get(st).add(new AtomMatch(s, b.length + atom.backtrack(), atom.forwardEntry(), atom.backwardEntry()));
                }
            }
            int n = count;
            int[] length = new int[n];
            int[] value = new int[n];
            for (int i = 0; i < n; i++) {
                long k = keys[i];
                length[i] = (int) (k >>> 32);
                value[i] = (int) k;
            }
            // Failure: the longest proper suffix of the state's bytes that is a state.
            int[] failure = new int[n];
            for (int i = 1; i < n; i++) {
                int f = 0;
                for (int drop = 1; drop < length[i]; drop++) {
                    int len = length[i] - drop;
                    long suffix = ((long) len << 32) | (value[i] & (len == 4 ? 0xFFFFFFFFL : (1L << (8 * len)) - 1));
                    int id = ids.get(suffix);
                    if (id >= 0) {
                        f = id;
                        break;
                    }
                }
                failure[i] = f;
            }
            // Children by state.
            List<List<int[]>> children = new ArrayList<>(n);
            for (int i = 0; i < n; i++) children.add(new ArrayList<>());
            for (int i = 1; i < n; i++) {
                int parentLen = length[i] - 1;
                long parentKey = ((long) parentLen << 32) | ((value[i] & 0xFFFFFFFFL) >>> 8);
                int parent = ids.get(parentKey);
                children.get(parent).add(new int[] {value[i] & 0xFF, i});
            }
            return layout(n, failure, children);
        }

        /** First-fit placement of each state's slots into one table. */
        private Automaton layout(int n, int[] failure, List<List<int[]>> children) {
            int[] base = new int[n];
            Slots used = new Slots();
            used.set(0, 257);
            base[0] = 0;
            int cursor = 257;
            for (int s = 1; s < n; s++) {
                List<int[]> kids = children.get(s);
                int b = used.firstFit(cursor, kids);
                base[s] = b;
                used.set(b, b + 1);
                for (int[] k : kids) used.set(b + 1 + k[0], b + 2 + k[0]);
                cursor = used.nextFree(cursor);
            }
            int size = Math.max(used.length(), 257) + 257;
            if (size >= (1 << (32 - TARGET_SHIFT))) {
                throw new IllegalStateException("too many atoms: the automaton table would exceed its addressable size");
            }
            int[] matchStart = new int[size];
            int[] matchEnd = new int[size];
            int[] outputLink = new int[size];
            boolean[] hasMatches = new boolean[size];
            Arrays.fill(outputLink, -1);
            List<AtomMatch> flat = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                matchStart[base[s]] = flat.size();
                flat.addAll(own(s));
                matchEnd[base[s]] = flat.size();
            }
            for (int s = 0; s < n; s++) {
                int f = s == 0 ? -1 : failure[s];
                while (f >= 0 && own(f).isEmpty()) f = f == 0 ? -1 : failure[f];
                outputLink[base[s]] = f < 0 ? -1 : base[f];
                hasMatches[base[s]] = !own(s).isEmpty() || f >= 0;
            }
            int[] table = new int[size];
            int rootReports = hasMatches[0] ? REPORTS : 0;
            // Root: every byte leads somewhere (to the root when no atom starts with it).
            for (int b = 0; b < 256; b++) table[1 + b] = rootReports | (1 + b);
            for (int s = 0; s < n; s++) {
                if (s != 0) table[base[s]] = base[failure[s]] << TARGET_SHIFT;
                for (int[] k : children.get(s)) {
                    int target = base[k[1]];
                    table[base[s] + 1 + k[0]] = (target << TARGET_SHIFT) | (hasMatches[target] ? REPORTS : 0) | (1 + k[0]);
                }
            }
            return new Automaton(table, matchStart, matchEnd, outputLink, hasMatches[0], flat.toArray(new AtomMatch[0]), base);
        }

    }

    /**
     * State numbers by key, open addressing over plain arrays: a {@code HashMap<Long, Integer>} allocated a
     * quarter of all that compiling signature-base allocates, and garbage collection is most of its cost.
     */
    private static final class StateIds {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        /** The state of {@code key}, or -1. */
        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask);; i = (i + 1) & mask) {
                if (values[i] == 0) return -1;
                if (keys[i] == key) return values[i] - 1;
            }
        }

        /** Adds {@code key}, not there yet. */
        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) grow();
            insert(key, value + 1);
            size++;
        }

        // Values are stored plus one, so that 0 marks a free slot.
        private void insert(long key, int stored) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (values[i] != 0) i = (i + 1) & mask;
            keys[i] = key;
            values[i] = stored;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldValues.length * 2];
            for (int i = 0; i < oldKeys.length; i++) if (oldValues[i] != 0) insert(oldKeys[i], oldValues[i]);
        }
    }

    /**
     * The table's used slots, as bits. A first fit tests 64 candidate offsets at once (one word per
     * transition slot): a plain bit-by-bit search took most of the automaton's build time.
     */
    private static final class Slots {
        private long[] words = new long[1024];
        private int length;

        void set(int from, int to) {
            for (int i = from; i < to; i++) {
                grow(i >>> 6);
                words[i >>> 6] |= 1L << i;
            }
            length = Math.max(length, to);
        }

        /** One more than the highest used slot. */
        int length() {
            return length;
        }

        int nextFree(int from) {
            int i = from;
            while (i < length && (words[i >>> 6] & (1L << i)) != 0) i++;
            return i;
        }

        /** The lowest offset from {@code from} on where the state's slot and those of its transitions are free. */
        int firstFit(int from, List<int[]> kids) {
            for (int b = from;; b += 64) {
                long fit = free(b);
                for (int i = 0; i < kids.size() && fit != 0; i++) fit &= free(b + 1 + kids.get(i)[0]);
                if (fit != 0) return b + Long.numberOfTrailingZeros(fit);
            }
        }

        /** Bit {@code i} tells whether slot {@code at + i} is free. */
        private long free(int at) {
            int w = at >>> 6;
            int shift = at & 63;
            grow(w + 1);
            long bits = words[w] >>> shift;
            if (shift != 0) bits |= words[w + 1] << (64 - shift);
            return ~bits;
        }

        private void grow(int word) {
            if (word >= words.length) words = Arrays.copyOf(words, Math.max(word + 1, words.length * 2));
        }
    }
}
