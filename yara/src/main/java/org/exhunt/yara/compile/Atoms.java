package org.exhunt.yara.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.exhunt.yara.regex.Chars;
import org.exhunt.yara.regex.Program;
import org.exhunt.yara.regex.RegexAst;
import org.exhunt.yara.regex.RegexNode;

/**
 * Chooses the atoms of strings, following libyara 4.2.3's {@code atoms.c} step for step.
 *
 * <p><b>Quality.</b> Each byte scores 20, a letter 18 (it multiplies under {@code nocase}), a common byte
 * (00, 20, CC, FF) 12, a nibble mask 4, a full wildcard -10; two points more per distinct byte, or ten
 * points less per byte when the atom repeats one common byte. Scores are shifted so that four distinct
 * ordinary bytes give the maximum, {@value #MAX_QUALITY}.
 *
 * <p><b>Text strings</b> take the best-scoring window of up to four bytes, remembering its distance from the
 * string's start ({@code backtrack}).
 *
 * <p><b>Regex and hex strings</b> become an atom tree: runs of literal (and masked and wildcard) nodes of a
 * concatenation give leaves, each the best window of its run; an alternation {@code a|b} gives an AND of the
 * atoms of both sides (both must be searched for); quantified parts and classes break runs; the tree's root
 * and each side of an alternation are ORs, which keep their best child. For {@code /Look(at|into)this/}
 * that is OR("Look", AND(OR("at"), OR("into")), "this"), and "Look" wins. Wildcards left in chosen atoms are
 * expanded into every concrete byte. Each atom remembers the node it starts at, where verification begins.
 *
 * <p>Then {@code wide} interleaves zeros, {@code nocase} adds every letter-case combination, {@code xor}
 * replaces each atom by one per key. A pattern with no atom at all gets an empty one, which makes the
 * scanner try the pattern at every offset.
 */
public final class Atoms {

    /** libyara's {@code YR_MAX_ATOM_LENGTH}. */
    public static final int MAX_LENGTH = 4;
    /** libyara's {@code YR_MAX_ATOM_QUALITY}. */
    public static final int MAX_QUALITY = 255;
    static final int MIN_QUALITY = 0;
    /** Strings whose worst atom scores below this "may slow down scanning" (a warning). */
    public static final int WARNING_THRESHOLD = MAX_QUALITY - 22 * MAX_LENGTH + 38;

    private Atoms() {}

    /** The chosen atoms and the quality of the worst one. */
    public record Result(List<Atom> atoms, int minQuality) {}

    /** The modifiers that change atoms. */
    public record Modifiers(boolean ascii, boolean wide, boolean nocase, boolean xor, int xorMin, int xorMax,
            boolean base64) {}

    // ---- quality ----

    static int quality(Atom atom) {
        int quality = 0;
        int unique = 0;
        int first = -1;
        for (int i = 0; i < atom.length; i++) {
            switch (atom.mask(i)) {
                case 0x00 -> quality -= 10;
                case 0x0F, 0xF0 -> quality += 4;
                case 0xFF -> {
                    int b = atom.b(i);
                    if (b == 0x00 || b == 0x20 || b == 0xCC || b == 0xFF) quality += 12;
                    else if (Chars.isAsciiLetter(b)) quality += 18;
                    else quality += 20;
                    if (!seenBefore(atom, i, b)) {
                        unique++;
                        if (first < 0) first = b;
                    }
                }
                default -> { }
            }
        }
        if (unique == 1 && (first == 0x00 || first == 0x20 || first == 0x90 || first == 0xCC || first == 0xFF)) {
            quality -= 10 * atom.length;
        } else {
            quality += 2 * unique;
        }
        return MAX_QUALITY - 22 * MAX_LENGTH + quality;
    }

    /** Whether byte {@code b} is at a fully masked position of {@code atom} before {@code i}. */
    private static boolean seenBefore(Atom atom, int i, int b) {
        for (int k = 0; k < i; k++) if (atom.mask(k) == 0xFF && atom.b(k) == b) return true;
        return false;
    }

    static int minQuality(List<Atom> atoms) {
        if (atoms.isEmpty()) return MIN_QUALITY;
        int min = MAX_QUALITY;
        for (Atom a : atoms) min = Math.min(min, quality(a));
        return min;
    }

    /**
     * Drops leading and trailing wildcards; keeps one byte when wildcards are as many as known bytes
     * (<code>{ 01 ?? ?? 02 }</code>). Returns how many bytes were dropped at the front.
     */
    static int trim(Atom atom) {
        int left = 0;
        while (left < atom.length && atom.mask(left) == 0) left++;
        while (atom.length > left && atom.mask(atom.length - 1) == 0) atom.length--;
        atom.length -= left;
        if (atom.length == 0) return 0;
        int ff = 0;
        int zeros = 0;
        for (int i = 0; i < atom.length; i++) {
            if (atom.mask(left + i) == 0xFF) ff++;
            else if (atom.mask(left + i) == 0x00) zeros++;
        }
        if (zeros >= ff) atom.length = 1;
        if (left == 0) return 0;
        for (int i = 0; i < MAX_LENGTH - left; i++) {
            atom.bytes[i] = atom.bytes[left + i];
            atom.mask[i] = atom.mask[left + i];
        }
        return left;
    }

    // ---- text strings ----

    /** Atoms of a text string (libyara's {@code yr_atoms_extract_from_string}). */
    public static Result ofText(byte[] string, Modifiers m) {
        Atom item = new Atom(string.length);
        for (int i = 0; i < item.length; i++) {
            item.bytes[i] = string[i];
            item.mask[i] = (byte) 0xFF;
        }
        int max = quality(item);
        // One window reused for every position, a new one only after a better atom is kept: a window per
        // position made atoms an eighth of all that compiling signature-base allocated.
        Atom window = fullWindow();
        for (int i = MAX_LENGTH; i < string.length && max < MAX_QUALITY; i++) {
            System.arraycopy(string, i - MAX_LENGTH + 1, window.bytes, 0, MAX_LENGTH);
            int q = quality(window);
            if (q > max) {
                window.backtrack = i - MAX_LENGTH + 1;
                item = window;
                max = q;
                window = fullWindow();
            }
        }
        List<Atom> atoms = new ArrayList<>();
        atoms.add(item);
        int minQuality = max;
        if (m.wide()) atoms = m.ascii() ? concat(atoms, wide(atoms)) : wide(atoms);
        if (m.nocase()) atoms = concat(atoms, caseCombinations(atoms));
        if (m.xor()) atoms = xor(atoms, m.xorMin(), m.xorMax());
        for (Atom a : atoms) minQuality = Math.min(minQuality, quality(a));
        return new Result(atoms, minQuality);
    }

    private static Atom fullWindow() {
        Atom window = new Atom(MAX_LENGTH);
        java.util.Arrays.fill(window.mask, (byte) 0xFF);
        return window;
    }

    // ---- regex and hex strings ----

    private sealed interface TreeNode {}

    private static final class Leaf implements TreeNode {
        final Atom atom;
        final RegexNode[] nodes;

        Leaf(Atom atom, RegexNode[] nodes) {
            this.atom = atom;
            this.nodes = nodes;
        }
    }

    private static final class Or implements TreeNode {
        final List<TreeNode> children = new ArrayList<>();
    }

    private static final class And implements TreeNode {
        final List<TreeNode> children = new ArrayList<>();
    }

    private record StackItem(RegexNode node, Or newAppending) {}

    /**
     * Atoms of a regex or hex string whose programs are {@code forward} and {@code backward} (libyara's
     * {@code yr_atoms_extract_from_re}).
     */
    public static Result ofRegex(RegexAst ast, Program forward, Program backward, Modifiers m) {
        Or root = new Or();
        buildTree(ast, root);
        List<Atom> atoms = new ArrayList<>();
        int minQuality = choose(root, atoms, forward, backward);
        atoms = expandWildcards(atoms);
        if (m.wide() && !m.base64()) atoms = m.ascii() ? concat(atoms, wide(atoms)) : wide(atoms);
        if (m.nocase()) atoms = concat(atoms, caseCombinations(atoms));
        if (atoms.isEmpty()) {
            Atom empty = new Atom(0);
            int entry = forward.entry(ast.root());
            empty.forwardEntry = entry < 0 ? 0 : entry;
            empty.backwardEntry = -1;
            atoms.add(empty);
            minQuality = MIN_QUALITY;
        }
        return new Result(atoms, minQuality);
    }

    private static void buildTree(RegexAst ast, Or rootOr) {
        Deque<StackItem> stack = new ArrayDeque<>();
        stack.push(new StackItem(null, rootOr));
        stack.push(new StackItem(ast.root(), rootOr));

        RegexNode[] recent = new RegexNode[MAX_LENGTH];
        RegexNode[] bestNodes = new RegexNode[MAX_LENGTH];
        Atom best = new Atom(0);
        // Scratch for each position of a run of bytes (a new atom per byte was garbage by the megabyte).
        Atom window = new Atom(0);
        int bestQuality = -1;
        int n = 0;
        Or appending = null;

        while (!stack.isEmpty()) {
            StackItem si = stack.pop();
            if (si.newAppending() != null) {
                if (n > 0) {
                    Atom atom = fromNodes(recent, n);
                    int shift = trim(atom);
                    int q = quality(atom);
                    Leaf leaf = q > bestQuality
                            ? new Leaf(atom, java.util.Arrays.copyOfRange(recent, shift, MAX_LENGTH))
                            : new Leaf(best.copy(), bestNodes.clone());
                    appending.children.add(leaf);
                    n = 0;
                }
                appending = si.newAppending();
                bestQuality = -1;
            }
            RegexNode node = si.node();
            if (node == null) continue;
            switch (node.kind) {
                case LITERAL, MASKED_LITERAL, ANY -> {
                    if (n < MAX_LENGTH) {
                        recent[n] = node;
                        bestNodes[n] = node;
                        best.bytes[n] = (byte) node.value();
                        best.mask[n] = (byte) node.mask();
                        best.length = ++n;
                    } else if (bestQuality < MAX_QUALITY) {
                        Atom atom = fill(window, recent, n);
                        int shift = trim(atom);
                        int q = quality(atom);
                        if (q > bestQuality) {
                            for (int i = 0; i < atom.length; i++) {
                                best.bytes[i] = atom.bytes[i];
                                best.mask[i] = atom.mask[i];
                                bestNodes[i] = recent[i + shift];
                            }
                            best.length = atom.length;
                            bestQuality = q;
                        }
                        System.arraycopy(recent, 1, recent, 0, MAX_LENGTH - 1);
                        recent[MAX_LENGTH - 1] = node;
                    }
                }
                case CONCAT -> {
                    for (int i = node.children().size() - 1; i >= 0; i--) {
                        stack.push(new StackItem(node.children().get(i), null));
                    }
                }
                case ALT -> {
                    And and = new And();
                    Or left = new Or();
                    Or right = new Or();
                    and.children.add(left);
                    and.children.add(right);
                    appending.children.add(and);
                    stack.push(new StackItem(null, appending));
                    stack.push(new StackItem(node.children().get(1), right));
                    stack.push(new StackItem(node.children().get(0), left));
                }
                case PLUS -> {
                    stack.push(new StackItem(null, appending));
                    stack.push(new StackItem(node.children().get(0), null));
                }
                case RANGE -> {
                    stack.push(new StackItem(null, appending));
                    for (int i = 0; i < Math.min(node.start(), MAX_LENGTH); i++) {
                        stack.push(new StackItem(node.children().get(0), null));
                    }
                }
                default -> stack.push(new StackItem(null, appending));
            }
        }
    }

    private static Atom fromNodes(RegexNode[] nodes, int n) {
        return fill(new Atom(n), nodes, n);
    }

    /** {@code atom} made what {@link #fromNodes} makes. */
    private static Atom fill(Atom atom, RegexNode[] nodes, int n) {
        atom.length = Math.min(n, MAX_LENGTH);
        atom.backtrack = 0;
        atom.forwardEntry = -1;
        atom.backwardEntry = -1;
        java.util.Arrays.fill(atom.bytes, (byte) 0);
        java.util.Arrays.fill(atom.mask, (byte) 0);
        for (int i = 0; i < n; i++) {
            atom.bytes[i] = (byte) nodes[i].value();
            atom.mask[i] = (byte) nodes[i].mask();
        }
        return atom;
    }

    /** Picks the atoms of a tree into {@code out}; returns their quality (libyara's {@code _yr_atoms_choose}). */
    private static int choose(TreeNode node, List<Atom> out, Program forward, Program backward) {
        if (node instanceof Leaf leaf) {
            Atom atom = leaf.atom.copy();
            int shift = trim(atom);
            if (atom.length == 0) return MIN_QUALITY;
            RegexNode start = leaf.nodes[shift];
            atom.forwardEntry = forward.entry(start);
            atom.backwardEntry = backward.entry(start);
            atom.backtrack = 0;
            out.add(atom);
            return quality(atom);
        }
        if (node instanceof Or or) {
            int max = MIN_QUALITY;
            List<Atom> chosen = new ArrayList<>();
            for (TreeNode child : or.children) {
                List<Atom> items = new ArrayList<>();
                int q = choose(child, items, forward, backward);
                if (q > max) {
                    max = q;
                    chosen = items;
                }
                if (max == MAX_QUALITY) break;
            }
            out.addAll(chosen);
            return max;
        }
        int min = MAX_QUALITY;
        List<Atom> chosen = new ArrayList<>();
        for (TreeNode child : ((And) node).children) {
            List<Atom> items = new ArrayList<>();
            int q = choose(child, items, forward, backward);
            min = Math.min(min, q);
            // libyara prepends each child's atoms to those already chosen.
            items.addAll(chosen);
            chosen = items;
        }
        out.addAll(chosen);
        return min;
    }

    /** Replaces wildcard and nibble bytes by every concrete value, in libyara's order. */
    static List<Atom> expandWildcards(List<Atom> atoms) {
        List<Atom> list = new ArrayList<>(atoms);
        int index = 0;
        while (index < list.size()) {
            Atom atom = list.get(index);
            boolean expanded = false;
            for (int i = 0; i < atom.length; i++) {
                int s;
                int e;
                int incr = 1;
                switch (atom.mask(i)) {
                    case 0x00 -> {
                        expanded = true;
                        s = 0x00;
                        e = 0xFF;
                    }
                    case 0x0F -> {
                        expanded = true;
                        s = atom.b(i);
                        e = atom.b(i) | 0xF0;
                        incr = 0x10;
                    }
                    case 0xF0 -> {
                        expanded = true;
                        s = atom.b(i);
                        e = atom.b(i) | 0x0F;
                    }
                    default -> {
                        s = 0;
                        e = 0;
                    }
                }
                if (s != e) {
                    atom.bytes[i] = (byte) s;
                    atom.mask[i] = (byte) 0xFF;
                }
                int insertAt = index + 1;
                for (int a = s + incr; a <= e; a += incr) {
                    Atom clone = atom.copy();
                    clone.bytes[i] = (byte) a;
                    clone.mask[i] = (byte) 0xFF;
                    list.add(insertAt++, clone);
                }
            }
            if (!expanded) index++;
        }
        return list;
    }

    // ---- transformations ----

    private static List<Atom> concat(List<Atom> a, List<Atom> b) {
        List<Atom> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Each atom with zeros interleaved (libyara builds the new list by prepending: reversed order). */
    static List<Atom> wide(List<Atom> atoms) {
        List<Atom> out = new ArrayList<>();
        for (Atom atom : atoms) {
            Atom w = new Atom(0);
            java.util.Arrays.fill(w.mask, (byte) 0xFF);
            for (int i = 0; i < atom.length && i * 2 < MAX_LENGTH; i++) w.bytes[i * 2] = atom.bytes[i];
            w.length = Math.min(atom.length * 2, MAX_LENGTH);
            w.forwardEntry = atom.forwardEntry;
            w.backwardEntry = atom.backwardEntry;
            w.backtrack = atom.backtrack * 2;
            out.add(0, w);
        }
        return out;
    }

    /** Every ASCII letter-case combination of each atom, the original included, in libyara's order. */
    static List<Atom> caseCombinations(List<Atom> atoms) {
        List<Atom> out = new ArrayList<>();
        for (Atom atom : atoms) {
            List<byte[]> combos = new ArrayList<>();
            combinations(atom.bytes.clone(), atom.length, 0, combos);
            for (byte[] c : combos) {
                Atom a = new Atom(0);
                System.arraycopy(c, 0, a.bytes, 0, atom.length);
                for (int i = 0; i < atom.length; i++) a.mask[i] = (byte) 0xFF;
                a.length = atom.length;
                a.forwardEntry = atom.forwardEntry;
                a.backwardEntry = atom.backwardEntry;
                a.backtrack = atom.backtrack;
                out.add(0, a);
            }
        }
        return out;
    }

    /** libyara's {@code _yr_atoms_case_combinations}: recursion order decides the output order. */
    private static void combinations(byte[] atom, int length, int offset, List<byte[]> out) {
        if (length == 0) return;
        if (offset + 1 < length) combinations(atom, length, offset + 1, out);
        int c = atom[offset] & 0xFF;
        if (Chars.isAsciiLetter(c)) {
            byte[] copy = atom.clone();
            copy[offset] = (byte) Chars.alterCase(c);
            out.add(copy);
            if (offset + 1 < length) combinations(copy, length, offset + 1, out);
        }
    }

    /** One atom per xor key, replacing the originals (prepended: reversed order). */
    static List<Atom> xor(List<Atom> atoms, int min, int max) {
        List<Atom> out = new ArrayList<>();
        for (Atom atom : atoms) {
            for (int key = min; key <= max; key++) {
                Atom x = atom.copy();
                for (int i = 0; i < atom.length; i++) {
                    x.bytes[i] = (byte) (atom.bytes[i] ^ key);
                    x.mask[i] = (byte) 0xFF;
                }
                out.add(0, x);
            }
        }
        return out;
    }
}
