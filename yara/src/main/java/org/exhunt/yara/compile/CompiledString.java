package org.exhunt.yara.compile;

import java.util.List;
import org.exhunt.yara.condition.Values;
import org.exhunt.yara.regex.Program;

/**
 * One string of a rule, ready for the scanner (libyara's {@code YR_STRING}). A string is verified either as a
 * {@linkplain #literal} byte sequence (text strings, and regexes or hex strings that are only literals) or by
 * running its {@link #forward}/{@link #backward} programs from an atom. A hex string with a jump longer than
 * 200 bytes is split into chained parts, each its own {@code CompiledString} searched on its own; only the
 * first part ({@link #chainedTo} null) is visible to the rule, and whole-chain matches are recorded under it.
 */
public final class CompiledString {

    public final int index;
    public final String identifier;
    public final int rule;

    // What it is.
    boolean hex;
    boolean literal;
    byte[] bytes;
    Program forward;
    Program backward;
    List<Atom> atoms;
    int minAtomQuality;

    // Modifiers, after libyara's defaults (ascii unless wide).
    boolean ascii;
    boolean wide;
    boolean nocase;
    boolean fullword;
    boolean isPrivate;
    boolean xor;
    boolean base64;
    boolean base64Wide;
    boolean dotAll;
    boolean greedyRegex;
    boolean fastRegex;
    boolean fitsInAtom;

    // Chaining.
    CompiledString chainedTo;
    CompiledString head;
    int chainGapMin;
    int chainGapMax;
    boolean chainPart;
    boolean chainTail;

    // How the condition uses it.
    boolean referenced;
    boolean fixedOffsetFlag = true;
    long fixedOffset = Values.UNDEFINED;
    boolean singleMatch = true;

    CompiledString(int index, String identifier, int rule) {
        this.index = index;
        this.identifier = identifier;
        this.rule = rule;
        this.head = this;
    }

    /**
     * This string as compiled (pattern, atoms, modifiers, chain gaps), under another index and rule; its
     * chain links point to itself and are set by the caller.
     */
    CompiledString copyAs(int newIndex, int newRule) {
        CompiledString s = new CompiledString(newIndex, identifier, newRule);
        s.hex = hex;
        s.literal = literal;
        s.bytes = bytes;
        s.forward = forward;
        s.backward = backward;
        s.atoms = atoms;
        s.minAtomQuality = minAtomQuality;
        s.ascii = ascii;
        s.wide = wide;
        s.nocase = nocase;
        s.fullword = fullword;
        s.isPrivate = isPrivate;
        s.xor = xor;
        s.base64 = base64;
        s.base64Wide = base64Wide;
        s.dotAll = dotAll;
        s.greedyRegex = greedyRegex;
        s.fastRegex = fastRegex;
        s.fitsInAtom = fitsInAtom;
        s.chainGapMin = chainGapMin;
        s.chainGapMax = chainGapMax;
        s.chainPart = chainPart;
        s.chainTail = chainTail;
        return s;
    }

    public boolean isHex() {
        return hex;
    }

    public boolean isLiteral() {
        return literal;
    }

    public byte[] bytes() {
        return bytes;
    }

    public Program forward() {
        return forward;
    }

    public Program backward() {
        return backward;
    }

    public List<Atom> atoms() {
        return atoms;
    }

    public boolean ascii() {
        return ascii;
    }

    public boolean wide() {
        return wide;
    }

    public boolean nocase() {
        return nocase;
    }

    public boolean fullword() {
        return fullword;
    }

    public boolean isPrivate() {
        return isPrivate;
    }

    public boolean xor() {
        return xor;
    }

    public boolean base64() {
        return base64 || base64Wide;
    }

    public boolean isBase64Wide() {
        return base64Wide;
    }

    public boolean dotAll() {
        return dotAll;
    }

    public boolean greedyRegex() {
        return greedyRegex;
    }

    public boolean fastRegex() {
        return fastRegex;
    }

    public boolean fitsInAtom() {
        return fitsInAtom;
    }

    public CompiledString chainedTo() {
        return chainedTo;
    }

    /** The visible string this part belongs to (itself when not chained). */
    public CompiledString head() {
        return head;
    }

    public int chainGapMin() {
        return chainGapMin;
    }

    public int chainGapMax() {
        return chainGapMax;
    }

    public boolean isChainPart() {
        return chainPart;
    }

    public boolean isChainTail() {
        return chainTail;
    }

    /** Whether only a match at {@link #fixedOffset()} matters ({@code $a at 100} is its only use). */
    public boolean hasFixedOffset() {
        return fixedOffsetFlag && literal && chainedTo == null && fixedOffset != Values.UNDEFINED;
    }

    public long fixedOffset() {
        return fixedOffset;
    }

    /** Whether, in fast mode, the first match is enough (only {@code $a} and sets use it). */
    public boolean singleMatch() {
        return singleMatch;
    }

    /**
     * What decides this string's matches in any scan: its pattern, modifiers, atoms and the uses that
     * restrict recording (fixed offset, fast mode). Strings with equal keys (signature-base repeats many
     * strings across rules) always have the same matches, so one search serves them all. Null for parts of a
     * chained hex string, which are never shared.
     */
    public Object matchKey() {
        return chainPart ? null : new MatchKey(this);
    }

    private static final class MatchKey {
        private final CompiledString s;
        private final int flags;
        private final int hash;

        MatchKey(CompiledString s) {
            this.s = s;
            boolean[] bits = {s.literal, s.ascii, s.wide, s.nocase, s.fullword, s.xor, s.base64, s.base64Wide,
                s.dotAll, s.greedyRegex, s.fastRegex, s.fitsInAtom, s.singleMatch, s.hasFixedOffset()};
            int f = 0;
            for (boolean b : bits) f = f << 1 | (b ? 1 : 0);
            this.flags = f;
            int h = f * 31 + Long.hashCode(s.hasFixedOffset() ? s.fixedOffset : -1);
            h = h * 31 + (s.literal ? java.util.Arrays.hashCode(s.bytes) : java.util.Objects.hash(s.forward, s.backward));
            this.hash = h * 31 + s.atoms.size();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof MatchKey k) || k.hash != hash || k.flags != flags) return false;
            CompiledString t = k.s;
            if (s.hasFixedOffset() && s.fixedOffset != t.fixedOffset) return false;
            boolean pattern = s.literal ? java.util.Arrays.equals(s.bytes, t.bytes)
                    : java.util.Objects.equals(s.forward, t.forward) && java.util.Objects.equals(s.backward, t.backward);
            if (!pattern || s.atoms.size() != t.atoms.size()) return false;
            for (int i = 0; i < s.atoms.size(); i++) if (!s.atoms.get(i).sameAs(t.atoms.get(i))) return false;
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
