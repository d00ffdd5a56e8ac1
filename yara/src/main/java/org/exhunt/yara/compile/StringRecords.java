package org.exhunt.yara.compile;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.exhunt.yara.regex.Program;
import org.exhunt.yara.store.CorruptRulesException;
import org.exhunt.yara.store.In;
import org.exhunt.yara.store.Out;
import org.exhunt.yara.syntax.StringDecl;

/**
 * Compiled strings as the compiled-rules file keeps them: what each string is (bytes or programs, atoms,
 * modifiers, chaining), not how its rule's condition uses it, which is found again when the conditions are
 * compiled on load. On load the records replace the costly part of compiling each declaration; they are
 * handed out in the order the declarations were compiled.
 */
public final class StringRecords {

    private static final int MAX_STRINGS = 1 << 22;

    /** What one compiled string is, waiting for its index and rule. */
    private record Part(String identifier, boolean hex, boolean literal, byte[] bytes, Program forward,
            Program backward, List<Atom> atoms, int minAtomQuality, int modifiers, int chainGapMin, int chainGapMax,
            boolean chainPart, boolean chainTail) {}

    private final Deque<List<Part>> declarations;

    private StringRecords(Deque<List<Part>> declarations) {
        this.declarations = declarations;
    }

    /** Writes {@code strings} (all compiled strings, in index order). */
    public static void write(List<CompiledString> strings, Out out) throws IOException {
        out.i32(strings.size());
        for (CompiledString s : strings) {
            out.text(s.identifier);
            out.bool(s.hex);
            out.bool(s.literal);
            if (s.literal) {
                out.bytes(s.bytes);
            } else {
                s.forward.write(out);
                s.backward.write(out);
            }
            out.i32(s.atoms.size());
            for (Atom a : s.atoms) {
                out.bytes(java.util.Arrays.copyOf(a.bytes, a.length));
                out.bytes(java.util.Arrays.copyOf(a.mask, a.length));
                out.i32(a.backtrack);
                out.i32(a.forwardEntry);
                out.i32(a.backwardEntry);
            }
            out.i32(s.minAtomQuality);
            out.i32(modifiers(s));
            out.i32(s.chainGapMin);
            out.i32(s.chainGapMax);
            out.bool(s.chainPart);
            out.bool(s.chainTail);
            out.bool(s.chainedTo == null);
        }
    }

    /** Reads what {@link #write} wrote, checking each record. */
    public static StringRecords read(In in) throws IOException {
        int n = in.count(MAX_STRINGS);
        Deque<List<Part>> declarations = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            String identifier = in.text(1 << 16);
            boolean hex = in.bool();
            boolean literal = in.bool();
            byte[] bytes = null;
            Program forward = null;
            Program backward = null;
            if (literal) {
                bytes = in.bytes(1 << 24);
            } else {
                forward = Program.read(in);
                backward = Program.read(in);
            }
            List<Atom> atoms = new ArrayList<>();
            int atomCount = in.count(1 << 20);
            for (int k = 0; k < atomCount; k++) {
                byte[] b = in.bytes(Atoms.MAX_LENGTH);
                byte[] mask = in.bytes(Atoms.MAX_LENGTH);
                if (mask.length != b.length) throw new CorruptRulesException("atom mask length");
                Atom a = new Atom(b.length);
                System.arraycopy(b, 0, a.bytes, 0, b.length);
                System.arraycopy(mask, 0, a.mask, 0, b.length);
                a.backtrack = in.i32(0, 1 << 24);
                a.forwardEntry = entry(in.i32(), forward);
                a.backwardEntry = entry(in.i32(), backward);
                atoms.add(a);
            }
            int quality = in.i32();
            int modifiers = in.i32();
            int gapMin = in.i32(0, Integer.MAX_VALUE);
            int gapMax = in.i32(gapMin, Integer.MAX_VALUE);
            boolean chainPart = in.bool();
            boolean chainTail = in.bool();
            boolean first = in.bool();
            Part part = new Part(identifier, hex, literal, bytes, forward, backward, List.copyOf(atoms), quality,
                    modifiers, gapMin, gapMax, chainPart, chainTail);
            if (first) {
                declarations.add(new ArrayList<>());
            } else if (declarations.isEmpty() || !chainPart) {
                throw new CorruptRulesException("chained string part without its first part");
            }
            declarations.getLast().add(part);
        }
        return new StringRecords(declarations);
    }

    private static int entry(int pc, Program program) throws IOException {
        if (pc == -1) return pc;
        if (program == null || !program.startsInstruction(pc)) throw new CorruptRulesException("bad atom entry " + pc);
        return pc;
    }

    /** The strings of the next declaration, which must be {@code decl}, numbered from {@code firstIndex}. */
    List<CompiledString> next(StringDecl decl, int firstIndex, int rule) {
        List<Part> parts = declarations.poll();
        if (parts == null || !parts.get(0).identifier().equals(decl.id())) {
            throw new java.io.UncheckedIOException(
                    new CorruptRulesException("compiled strings do not match the rules' declarations"));
        }
        List<CompiledString> out = new ArrayList<>();
        CompiledString previous = null;
        for (Part p : parts) {
            CompiledString s = new CompiledString(firstIndex + out.size(), p.identifier(), rule);
            s.hex = p.hex();
            s.literal = p.literal();
            s.bytes = p.bytes();
            s.forward = p.forward();
            s.backward = p.backward();
            s.atoms = p.atoms();
            s.minAtomQuality = p.minAtomQuality();
            setModifiers(s, p.modifiers());
            if (s.literal) s.fitsInAtom = (s.wide ? s.bytes.length * 2 : s.bytes.length) <= Atoms.MAX_LENGTH;
            s.chainPart = p.chainPart();
            s.chainTail = p.chainTail();
            if (previous != null) {
                s.chainedTo = previous;
                s.head = previous.head;
                s.chainGapMin = p.chainGapMin();
                s.chainGapMax = p.chainGapMax();
            }
            out.add(s);
            previous = s;
        }
        return out;
    }

    /** Whether every record was handed out. */
    public boolean exhausted() {
        return declarations.isEmpty();
    }

    private static int modifiers(CompiledString s) {
        boolean[] bits = {s.ascii, s.wide, s.nocase, s.fullword, s.isPrivate, s.xor, s.base64, s.base64Wide, s.dotAll,
            s.greedyRegex, s.fastRegex};
        int m = 0;
        for (int i = 0; i < bits.length; i++) if (bits[i]) m |= 1 << i;
        return m;
    }

    private static void setModifiers(CompiledString s, int m) {
        s.ascii = (m & 1) != 0;
        s.wide = (m & 2) != 0;
        s.nocase = (m & 4) != 0;
        s.fullword = (m & 8) != 0;
        s.isPrivate = (m & 16) != 0;
        s.xor = (m & 32) != 0;
        s.base64 = (m & 64) != 0;
        s.base64Wide = (m & 128) != 0;
        s.dotAll = (m & 256) != 0;
        s.greedyRegex = (m & 512) != 0;
        s.fastRegex = (m & 1024) != 0;
    }
}
