package org.exhunt.sigma.prefilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho-Corasick over a set of literals: one pass over a text reports every literal that occurs in it, in time
 * linear in the text plus the hits. Immutable once built.
 *
 * <p>Layout: the trie's transitions are kept per state as a sorted {@code char[]} with a parallel {@code int[]}
 * of targets (binary search), except the root, which has a dense table for ASCII. {@code fail[s]} is the
 * longest proper suffix of state {@code s} that is also a trie state; {@code dict[s]} is the nearest state on
 * the fail chain that ends a literal, so reporting walks only states with output.
 */
public final class LiteralAutomaton {

    private final char[][] keys;
    private final int[][] targets;
    private final int[] rootAscii = new int[128];
    private final int[] fail;
    private final int[] dict;
    private final int[] literalAt;   // literal id ending at a state, or -1
    private final int literals;

    /** Receives the id (index in the list given to {@link #of}) of each literal found. */
    @FunctionalInterface
    public interface Hits {
        void literal(int id);
    }

    private LiteralAutomaton(char[][] keys, int[][] targets, int[] fail, int[] dict, int[] literalAt, int literals) {
        this.keys = keys;
        this.targets = targets;
        this.fail = fail;
        this.dict = dict;
        this.literalAt = literalAt;
        this.literals = literals;
        for (int c = 0; c < 128; c++) rootAscii[c] = step0((char) c);
    }

    /** An automaton for these literals; equal literals must not repeat. */
    public static LiteralAutomaton of(List<String> literals) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        trie.add(new TreeMap<>());
        ends.add(-1);
        for (int id = 0; id < literals.size(); id++) {
            int s = 0;
            for (char c : literals.get(id).toCharArray()) {
                Integer next = trie.get(s).get(c);
                if (next == null) {
                    next = trie.size();
                    trie.add(new TreeMap<>());
                    ends.add(-1);
                    trie.get(s).put(c, next);
                }
                s = next;
            }
            if (ends.get(s) >= 0) throw new IllegalArgumentException("literal repeats: " + literals.get(id));
            ends.set(s, id);
        }
        int n = trie.size();
        char[][] keys = new char[n][];
        int[][] targets = new int[n][];
        for (int s = 0; s < n; s++) {
            Map<Character, Integer> m = trie.get(s);
            keys[s] = new char[m.size()];
            targets[s] = new int[m.size()];
            int i = 0;
            for (Map.Entry<Character, Integer> e : m.entrySet()) {
                keys[s][i] = e.getKey();
                targets[s][i++] = e.getValue();
            }
        }
        int[] fail = new int[n];
        int[] dict = new int[n];
        int[] literalAt = ends.stream().mapToInt(Integer::intValue).toArray();
        Arrays.fill(dict, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : targets[0]) queue.add(t);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = 0; i < keys[s].length; i++) {
                char c = keys[s][i];
                int t = targets[s][i];
                int f = fail[s];
                while (f != 0 && goTo(keys, targets, f, c) < 0) f = fail[f];
                int g = goTo(keys, targets, f, c);
                fail[t] = g >= 0 && g != t ? g : 0;
                dict[t] = literalAt[fail[t]] >= 0 ? fail[t] : dict[fail[t]];
                queue.add(t);
            }
        }
        return new LiteralAutomaton(keys, targets, fail, dict, literalAt, literals.size());
    }

    public int size() {
        return literals;
    }

    private static int goTo(char[][] keys, int[][] targets, int s, char c) {
        int i = Arrays.binarySearch(keys[s], c);
        return i >= 0 ? targets[s][i] : -1;
    }

    private int step0(char c) {
        int t = goTo(keys, targets, 0, c);
        return t < 0 ? 0 : t;
    }

    /** Reports each literal occurring in {@code text}, once per occurrence. */
    public void scan(String text, Hits hits) {
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int t;
            while (true) {
                if (s == 0) {
                    t = c < 128 ? rootAscii[c] : step0(c);
                    break;
                }
                t = goTo(keys, targets, s, c);
                if (t >= 0) break;
                s = fail[s];
            }
            s = t;
            if (literalAt[s] >= 0) hits.literal(literalAt[s]);
            for (int d = dict[s]; d >= 0; d = dict[d]) hits.literal(literalAt[d]);
        }
    }
}
