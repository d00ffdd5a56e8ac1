package org.exhunt.sigma.prefilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeMap;
import org.exhunt.sigma.value.Fold;

/**
 * Aho-Corasick over a set of folded literals, compiled to a DFA: one pass over a text reports every literal that
 * occurs in its folded form ({@link Fold}), with one table lookup per character plus the hits, without folding
 * the text first. Immutable once built.
 *
 * <p>Layout: characters are first mapped to classes: each folded character that occurs in some literal has its
 * own class, which the characters folding to it share; every other character is class 0 (it can only send the
 * automaton back to the root). The table
 * {@code next[state * classes + class]} is the full transition function: the trie's edge where there is one,
 * otherwise the transition of the state's failure link (the longest proper suffix that is also a trie state),
 * filled in breadth-first order. Its entries hold the target's row offset ({@code target * classes}),
 * complemented when the target ends a literal, so the scan loop needs no multiplication and one test. {@code dict[s]} is the nearest state on the failure chain that ends a literal,
 * so reporting walks only states with output.
 */
public final class LiteralAutomaton {

    private final char[] latin1Class = new char[256];
    private final Map<Character, Character> otherClass;
    private final int classes;
    private final int[] next;
    private final int[] dict;
    private final int[] literalAt;   // literal id ending at a state, or -1
    private final int literals;

    /** Receives the id (index in the list given to {@link #of}) of each literal found. */
    @FunctionalInterface
    public interface Hits {
        void literal(int id);
    }

    private LiteralAutomaton(Map<Character, Character> classOf, int classes, int[] next, int[] dict, int[] literalAt, int literals) {
        Map<Character, Character> other = new HashMap<>();
        classOf.forEach((c, k) -> {
            if (c >= 256) other.put(c, k);
        });
        for (char c = 0; c < 256; c++) latin1Class[c] = classOf.getOrDefault(Fold.fold(c), (char) 0);
        this.otherClass = other;
        this.classes = classes;
        this.next = next;
        this.dict = dict;
        this.literalAt = literalAt;
        this.literals = literals;
    }

    /** An automaton for these literals, which must be folded and must not repeat. */
    public static LiteralAutomaton of(List<String> literals) {
        Map<Character, Character> classOf = new TreeMap<>();
        for (String l : literals) {
            for (char c : l.toCharArray()) classOf.putIfAbsent(c, (char) (classOf.size() + 1));
        }
        int classes = classOf.size() + 1;
        List<int[]> trie = new ArrayList<>();   // per state: target per class, -1 where no edge
        List<Integer> ends = new ArrayList<>();
        trie.add(newRow(classes));
        ends.add(-1);
        for (int id = 0; id < literals.size(); id++) {
            int s = 0;
            for (char c : literals.get(id).toCharArray()) {
                int k = classOf.get(c);
                if (trie.get(s)[k] < 0) {
                    trie.get(s)[k] = trie.size();
                    trie.add(newRow(classes));
                    ends.add(-1);
                }
                s = trie.get(s)[k];
            }
            if (ends.get(s) >= 0) throw new IllegalArgumentException("literal repeats: " + literals.get(id));
            ends.set(s, id);
        }
        int n = trie.size();
        int[] next = new int[n * classes];
        int[] fail = new int[n];
        int[] dict = new int[n];
        int[] literalAt = ends.stream().mapToInt(Integer::intValue).toArray();
        Arrays.fill(dict, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < classes; k++) {
            int t = trie.get(0)[k];
            next[k] = Math.max(t, 0);
            if (t > 0) queue.add(t);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] row = trie.get(s);
            for (int k = 0; k < classes; k++) {
                int t = row[k];
                if (t < 0) {
                    next[s * classes + k] = next[fail[s] * classes + k];
                } else {
                    next[s * classes + k] = t;
                    fail[t] = s == 0 ? 0 : next[fail[s] * classes + k];
                    dict[t] = literalAt[fail[t]] >= 0 ? fail[t] : dict[fail[t]];
                    queue.add(t);
                }
            }
        }
        // entries become target offsets, complemented when the target reports a literal
        for (int i = 0; i < next.length; i++) {
            int t = next[i];
            next[i] = literalAt[t] >= 0 || dict[t] >= 0 ? ~(t * classes) : t * classes;
        }
        return new LiteralAutomaton(classOf, classes, next, dict, literalAt, literals.size());
    }

    private static int[] newRow(int classes) {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    public int size() {
        return literals;
    }

    private int classOf(char c) {
        if (c < 256) return latin1Class[c];
        Character k = otherClass.get(Fold.fold(c));
        return k == null ? 0 : k;
    }

    /** Reports each literal occurring in {@code text} once folded, once per occurrence. */
    public void scan(String text, Hits hits) {
        int row = 0;   // the current state's offset in the table
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int t = next[row + (c < 256 ? latin1Class[c] : classOf(c))];
            if (t < 0) {   // the state has output
                t = ~t;
                report(t / classes, hits);
            }
            row = t;
        }
    }

    private void report(int s, Hits hits) {
        if (literalAt[s] >= 0) hits.literal(literalAt[s]);
        for (int d = dict[s]; d >= 0; d = dict[d]) hits.literal(literalAt[d]);
    }
}
