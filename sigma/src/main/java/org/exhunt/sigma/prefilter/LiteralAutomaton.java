package org.exhunt.sigma.prefilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.exhunt.sigma.value.Fold;

/**
 * Aho-Corasick over a set of folded literals, compiled to a DFA: one pass over a text reports every literal that
 * occurs in its folded form ({@link Fold}), with one table lookup per character plus the hits, without folding
 * the text first. Immutable once built.
 *
 * <p>It is a prefilter: it never misses a literal that occurs, and may report one that does not. Only the last
 * {@link #MAX_LITERAL_CHARS} characters of a literal are looked for (a path's end tells more than its start), and
 * the rarest characters beyond {@link #MAX_CLASSES} classes are taken for one another (never ASCII ones, which
 * log text is mostly made of). Both bound the table: the rules of one log source state thousands of literals,
 * some with hundreds of distinct characters (homoglyph lists) or of hundreds of characters (base64 forms of whole
 * command lines), and a table with a column per character and a row per prefix would take hundreds of megabytes.
 *
 * <p>Layout: characters are first mapped to classes: each frequent folded character that occurs in some literal
 * has its own class, which the characters folding to it share; the rarer ones share one class; every other
 * character is class 0 (it can only send the automaton back to the root). The table
 * {@code next[state * classes + class]} is the full transition function: the trie's edge where there is one,
 * otherwise the transition of the state's failure link (the longest proper suffix that is also a trie state),
 * filled in breadth-first order. Its entries hold the target's row offset ({@code target * classes}),
 * complemented when the target ends a literal, so the scan loop needs no multiplication and one test. {@code dict[s]} is the nearest state on the failure chain that ends a literal,
 * so reporting walks only states with output.
 */
public final class LiteralAutomaton {

    /** Characters of a literal that are looked for, its last; the rest of a longer literal is left to the rule itself. */
    public static final int MAX_LITERAL_CHARS = 32;

    /**
     * Character classes at most, class 0 (no literal's character) and the shared class of rare ones included; ASCII
     * characters always have their own.
     */
    public static final int MAX_CLASSES = 128;

    private final char[] latin1Class = new char[256];
    private final Map<Character, Character> otherClass;
    private final int classes;
    private final int[] next;
    private final int[] dict;
    private final int[] firstLiteralAt;   // the first literal id ending at a state, or -1
    private final int[] nextLiteral;      // per literal id: the next literal ending at the same state, or -1
    private final int literals;

    /** Receives the id (index in the list given to {@link #of}) of each literal found. */
    @FunctionalInterface
    public interface Hits {
        void literal(int id);
    }

    private LiteralAutomaton(Classes c, int[] next, int[] dict, int[] firstLiteralAt, int[] nextLiteral, int literals) {
        for (char ch = 0; ch < 256; ch++) latin1Class[ch] = c.of(Fold.fold(ch));
        Map<Character, Character> other = new HashMap<>();
        c.classOf.forEach((ch, k) -> {
            if (ch >= 256) other.put(ch, k);
        });
        this.otherClass = other;
        this.classes = c.count;
        this.next = next;
        this.dict = dict;
        this.firstLiteralAt = firstLiteralAt;
        this.nextLiteral = nextLiteral;
        this.literals = literals;
    }

    /** An automaton for these literals, which must be folded and must not repeat. */
    public static LiteralAutomaton of(List<String> literals) {
        List<String> looked = new ArrayList<>(literals.size());
        for (String l : literals) looked.add(l.length() > MAX_LITERAL_CHARS ? l.substring(l.length() - MAX_LITERAL_CHARS) : l);
        Classes classOf = Classes.of(looked);
        int classes = classOf.count;

        // the trie, edges as sibling lists: states are numbered in order of creation
        int capacity = 1;
        for (String l : looked) capacity += l.length();
        int[] firstEdge = new int[capacity];
        int[] edgeClass = new int[capacity];     // edge i leads to state i (every state but the root has one edge in)
        int[] siblingEdge = new int[capacity];
        int[] firstLiteralAt = new int[capacity];
        int[] nextLiteral = new int[looked.size()];
        Arrays.fill(firstEdge, -1);
        Arrays.fill(firstLiteralAt, -1);
        int states = 1;
        for (int id = 0; id < looked.size(); id++) {
            int s = 0;
            String l = looked.get(id);
            for (int i = 0; i < l.length(); i++) {
                int k = classOf.of(l.charAt(i));
                int t = firstEdge[s];
                while (t >= 0 && edgeClass[t] != k) t = siblingEdge[t];
                if (t < 0) {
                    t = states++;
                    edgeClass[t] = k;
                    siblingEdge[t] = firstEdge[s];
                    firstEdge[s] = t;
                }
                s = t;
            }
            nextLiteral[id] = firstLiteralAt[s];
            firstLiteralAt[s] = id;
        }
        if (new HashSet<>(literals).size() != literals.size()) throw new IllegalArgumentException("a literal repeats");

        // breadth first: a state's row is its failure state's row with the trie's own edges put in
        int[] next = new int[Math.multiplyExact(states, classes)];
        int[] fail = new int[states];
        int[] dict = new int[states];
        Arrays.fill(dict, -1);
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        while (head < tail) {
            int s = queue[head++];
            int row = s * classes;
            if (s != 0) System.arraycopy(next, fail[s] * classes, next, row, classes);
            for (int t = firstEdge[s]; t >= 0; t = siblingEdge[t]) {
                int k = edgeClass[t];
                fail[t] = s == 0 ? 0 : next[fail[s] * classes + k];
                dict[t] = firstLiteralAt[fail[t]] >= 0 ? fail[t] : dict[fail[t]];
                queue[tail++] = t;
            }
            for (int t = firstEdge[s]; t >= 0; t = siblingEdge[t]) next[row + edgeClass[t]] = t;
        }
        // entries become target offsets, complemented when the target reports a literal
        for (int i = 0; i < next.length; i++) {
            int t = next[i];
            next[i] = firstLiteralAt[t] >= 0 || dict[t] >= 0 ? ~(t * classes) : t * classes;
        }
        return new LiteralAutomaton(classOf, next, Arrays.copyOf(dict, states), Arrays.copyOf(firstLiteralAt, states),
                nextLiteral, literals.size());
    }

    public int size() {
        return literals;
    }

    private int classOf(char c) {
        if (c < 256) return latin1Class[c];
        Character k = otherClass.get(Fold.fold(c));
        return k == null ? 0 : k;
    }

    /** Reports each literal occurring in {@code text} once folded, once per occurrence (and maybe some that do not occur). */
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
        for (int id = firstLiteralAt[s]; id >= 0; id = nextLiteral[id]) hits.literal(id);
        for (int d = dict[s]; d >= 0; d = dict[d]) {
            for (int id = firstLiteralAt[d]; id >= 0; id = nextLiteral[id]) hits.literal(id);
        }
    }

    /** The character classes of a set of literals: ASCII and the most frequent others have their own, the rest share one. */
    private static final class Classes {
        final Map<Character, Character> classOf = new HashMap<>();   // every character of the literals
        int count;

        static Classes of(List<String> literals) {
            Map<Character, Integer> frequency = new HashMap<>();
            for (String l : literals) {
                for (int i = 0; i < l.length(); i++) frequency.merge(l.charAt(i), 1, Integer::sum);
            }
            // ASCII first, whatever its frequency: log text is mostly ASCII, and a character that shares the rare
            // class makes every literal with a rare character a candidate wherever it occurs
            List<Character> chars = new ArrayList<>(frequency.keySet());
            chars.sort((a, b) -> {
                if ((a < 128) != (b < 128)) return a < 128 ? -1 : 1;
                int byCount = Integer.compare(frequency.get(b), frequency.get(a));
                return byCount != 0 ? byCount : Character.compare(a, b);
            });
            Classes c = new Classes();
            int ascii = (int) chars.stream().filter(ch -> ch < 128).count();
            int own = chars.size() < MAX_CLASSES ? chars.size() : Math.max(MAX_CLASSES - 2, ascii);
            for (int i = 0; i < chars.size(); i++) c.classOf.put(chars.get(i), (char) (Math.min(i, own) + 1));
            c.count = Math.min(chars.size(), own + 1) + 1;   // class 0, the own classes, the shared one if any
            return c;
        }

        /** The class of a folded character: 0 for one that no literal holds. */
        char of(char folded) {
            Character k = classOf.get(folded);
            return k == null ? 0 : k;
        }
    }
}
