package org.exhunt.yara.regex;

import java.io.IOException;
import java.util.Arrays;
import org.exhunt.yara.store.CorruptRulesException;
import org.exhunt.yara.store.In;
import org.exhunt.yara.store.Out;

/**
 * A regex compiled for one direction: libyara's instruction set in an {@code int[]}, ending with
 * {@link #MATCH}, plus the entry point of each tree node (where matching starts when an atom of the
 * pattern is found at that node). Instructions and their operands:
 *
 * <pre>
 * ANY | LITERAL b | MASKED_LITERAL b mask | CLASS index | WORD_CHAR | NON_WORD_CHAR | SPACE | NON_SPACE
 * DIGIT | NON_DIGIT | WORD_BOUNDARY | NON_WORD_BOUNDARY | MATCH_AT_START | MATCH_AT_END | MATCH
 * SPLIT_A id offset | SPLIT_B id offset | JUMP offset
 * REPEAT_ANY_GREEDY min max | REPEAT_ANY_UNGREEDY min max
 * REPEAT_START_GREEDY min max offset | REPEAT_END_GREEDY ... | REPEAT_START_UNGREEDY ... | REPEAT_END_UNGREEDY ...
 * </pre>
 *
 * Offsets are relative to the instruction's own index. {@code SPLIT_A} continues with the next instruction
 * first and {@code SPLIT_B} with the jump target first; the id lets a fiber take each split once per step.
 */
public final class Program {

    public static final int ANY = 1;
    public static final int LITERAL = 2;
    public static final int MASKED_LITERAL = 3;
    public static final int CLASS = 4;
    public static final int WORD_CHAR = 5;
    public static final int NON_WORD_CHAR = 6;
    public static final int SPACE = 7;
    public static final int NON_SPACE = 8;
    public static final int DIGIT = 9;
    public static final int NON_DIGIT = 10;
    public static final int MATCH = 11;
    public static final int MATCH_AT_END = 12;
    public static final int MATCH_AT_START = 13;
    public static final int WORD_BOUNDARY = 14;
    public static final int NON_WORD_BOUNDARY = 15;
    public static final int REPEAT_ANY_GREEDY = 16;
    public static final int REPEAT_ANY_UNGREEDY = 17;
    public static final int SPLIT_A = 18;
    public static final int SPLIT_B = 19;
    public static final int JUMP = 20;
    public static final int REPEAT_START_GREEDY = 21;
    public static final int REPEAT_END_GREEDY = 22;
    public static final int REPEAT_START_UNGREEDY = 23;
    public static final int REPEAT_END_UNGREEDY = 24;

    private static final String[] NAMES = {"?", "ANY", "LITERAL", "MASKED_LITERAL", "CLASS", "WORD_CHAR",
        "NON_WORD_CHAR", "SPACE", "NON_SPACE", "DIGIT", "NON_DIGIT", "MATCH", "MATCH_AT_END", "MATCH_AT_START",
        "WORD_BOUNDARY", "NON_WORD_BOUNDARY", "REPEAT_ANY_GREEDY", "REPEAT_ANY_UNGREEDY", "SPLIT_A", "SPLIT_B",
        "JUMP", "REPEAT_START_GREEDY", "REPEAT_END_GREEDY", "REPEAT_START_UNGREEDY", "REPEAT_END_UNGREEDY"};

    final int[] code;
    final CharClass[] classes;
    /** Entry point of each node (by node id), or -1. */
    private final int[] entries;
    /** Deepest nesting of {@code REPEAT_START}: the size a fiber's counter stack needs. */
    final int maxRepeatDepth;
    /**
     * Whether one step of a run depends only on the fibers and the byte read (no assertion about the
     * position or the previous byte), so that steps can be remembered as a DFA ({@link LazyDfa}).
     */
    final boolean stepsDependOnByteOnly;
    private final int hash;

    Program(int[] code, CharClass[] classes, int[] entries, int maxRepeatDepth) {
        this.code = code;
        this.classes = classes;
        this.entries = entries;
        this.maxRepeatDepth = maxRepeatDepth;
        boolean byteOnly = true;
        for (int pc = 0; pc < code.length; pc += length(code[pc])) {
            int op = code[pc];
            if (op == WORD_BOUNDARY || op == NON_WORD_BOUNDARY || op == MATCH_AT_START || op == MATCH_AT_END) {
                byteOnly = false;
            }
        }
        this.stepsDependOnByteOnly = byteOnly;
        this.hash = Arrays.hashCode(code);
    }

    /** Where matching starts for node {@code node}; -1 when the node emitted no code in this direction. */
    public int entry(RegexNode node) {
        return node.id < entries.length ? entries[node.id] : -1;
    }

    /** Whether an instruction starts at {@code pc}. */
    public boolean startsInstruction(int pc) {
        java.util.BitSet s = starts;
        if (s == null) {
            s = new java.util.BitSet(code.length);
            for (int at = 0; at < code.length; at += length(code[at])) s.set(at);
            starts = s;
        }
        return pc >= 0 && s.get(pc);
    }

    /** Instruction starts, computed on first use (a benign race: any thread computes the same set). */
    private volatile java.util.BitSet starts;

    /** Number of ints of code. */
    public int size() {
        return code.length;
    }

    static int length(int opcode) {
        return switch (opcode) {
            case LITERAL, CLASS, JUMP -> 2;
            case MASKED_LITERAL, SPLIT_A, SPLIT_B, REPEAT_ANY_GREEDY, REPEAT_ANY_UNGREEDY -> 3;
            case REPEAT_START_GREEDY, REPEAT_END_GREEDY, REPEAT_START_UNGREEDY, REPEAT_END_UNGREEDY -> 4;
            default -> 1;
        };
    }

    /** One instruction per line: {@code 3: SPLIT_A 0 +5}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int pc = 0; pc < code.length; pc += length(code[pc])) {
            int op = code[pc];
            s.append(pc).append(": ").append(NAMES[op]);
            switch (op) {
                case LITERAL -> s.append(String.format(" %02X", code[pc + 1]));
                case MASKED_LITERAL -> s.append(String.format(" %02X/%02X", code[pc + 1], code[pc + 2]));
                case CLASS -> s.append(' ').append(classes[code[pc + 1]]);
                case JUMP -> s.append(' ').append(signed(code[pc + 1]));
                case SPLIT_A, SPLIT_B -> s.append(' ').append(code[pc + 1]).append(' ').append(signed(code[pc + 2]));
                case REPEAT_ANY_GREEDY, REPEAT_ANY_UNGREEDY -> s.append(' ').append(code[pc + 1]).append(' ').append(code[pc + 2]);
                case REPEAT_START_GREEDY, REPEAT_END_GREEDY, REPEAT_START_UNGREEDY, REPEAT_END_UNGREEDY ->
                        s.append(' ').append(code[pc + 1]).append(' ').append(code[pc + 2]).append(' ').append(signed(code[pc + 3]));
                default -> { }
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String signed(int v) {
        return v >= 0 ? "+" + v : Integer.toString(v);
    }

    /** Writes this program for the compiled-rules file. */
    public void write(Out out) throws IOException {
        out.ints(code);
        out.i32(classes.length);
        for (CharClass c : classes) c.write(out);
        out.ints(entries);
    }

    /**
     * Reads a program written by {@link #write}, checking that it can be run safely: known instructions,
     * operands in range, every jump and entry on an instruction, and a MATCH at the end.
     */
    public static Program read(In in) throws IOException {
        int[] code = in.ints(1 << 24);
        CharClass[] classes = new CharClass[in.count(1 << 16)];
        for (int i = 0; i < classes.length; i++) classes[i] = CharClass.read(in);
        int[] entries = in.ints(1 << 24);
        boolean[] starts = new boolean[code.length + 1];
        int repeats = 0;
        int last = -1;
        for (int pc = 0; pc < code.length; pc += length(code[pc])) {
            if (code[pc] < ANY || code[pc] > REPEAT_END_UNGREEDY) throw new CorruptRulesException("bad opcode at " + pc);
            if (pc + length(code[pc]) > code.length) throw new CorruptRulesException("truncated instruction at " + pc);
            starts[pc] = true;
            last = code[pc];
            if (code[pc] == REPEAT_START_GREEDY || code[pc] == REPEAT_START_UNGREEDY) repeats++;
        }
        if (last != MATCH) throw new CorruptRulesException("program does not end with MATCH");
        for (int pc = 0; pc < code.length; pc += length(code[pc])) checkOperands(code, pc, classes.length, starts);
        for (int e : entries) {
            if (e != -1 && (e < 0 || e >= code.length || !starts[e])) throw new CorruptRulesException("bad entry " + e);
        }
        checkRepeatNesting(code, entries, repeats);
        return new Program(code, classes, entries, repeats);
    }

    /**
     * Follows every path from every entry with the depth of the repeat-counter stack, as the VM would push
     * and pop it: each instruction must always be reached at one depth, between empty and the number of
     * REPEAT_STARTs, so that a run can never overflow or underflow a fiber's stack.
     */
    private static void checkRepeatNesting(int[] code, int[] entries, int repeats) throws IOException {
        int[] depth = new int[code.length];
        Arrays.fill(depth, Integer.MIN_VALUE);
        java.util.ArrayDeque<int[]> work = new java.util.ArrayDeque<>();
        work.add(new int[] {0, -1});
        for (int e : entries) if (e >= 0) work.add(new int[] {e, -1});
        while (!work.isEmpty()) {
            int[] item = work.poll();
            int pc = item[0];
            int d = item[1];
            if (d < -1 || d >= repeats) throw new CorruptRulesException("repeat nesting out of range at " + pc);
            if (depth[pc] == d) continue;
            if (depth[pc] != Integer.MIN_VALUE) throw new CorruptRulesException("inconsistent repeat nesting at " + pc);
            depth[pc] = d;
            int op = code[pc];
            int next = pc + length(op);
            switch (op) {
                case MATCH -> { }
                case JUMP -> work.add(new int[] {pc + code[pc + 1], d});
                case SPLIT_A, SPLIT_B -> {
                    work.add(new int[] {next, d});
                    work.add(new int[] {pc + code[pc + 2], d});
                }
                case REPEAT_START_GREEDY, REPEAT_START_UNGREEDY -> {
                    work.add(new int[] {next, d + 1});
                    if (code[pc + 1] == 0) work.add(new int[] {pc + code[pc + 3], d});
                }
                case REPEAT_END_GREEDY, REPEAT_END_UNGREEDY -> {
                    if (d < 0) throw new CorruptRulesException("repeat end without start at " + pc);
                    work.add(new int[] {next, d - 1});
                    work.add(new int[] {pc + code[pc + 3], d});
                }
                default -> work.add(new int[] {next, d});
            }
        }
    }

    private static void checkOperands(int[] code, int pc, int classCount, boolean[] starts) throws IOException {
        int op = code[pc];
        boolean ok = switch (op) {
            case LITERAL -> code[pc + 1] >= 0 && code[pc + 1] <= 255;
            case MASKED_LITERAL -> code[pc + 1] >= 0 && code[pc + 1] <= 255 && code[pc + 2] >= 0 && code[pc + 2] <= 255;
            case CLASS -> code[pc + 1] >= 0 && code[pc + 1] < classCount;
            case JUMP -> target(code, pc, code[pc + 1], starts);
            case SPLIT_A, SPLIT_B -> code[pc + 1] >= 0 && code[pc + 1] < RegexEmitter.MAX_SPLITS
                    && target(code, pc, code[pc + 2], starts);
            case REPEAT_ANY_GREEDY, REPEAT_ANY_UNGREEDY -> code[pc + 1] >= 0 && code[pc + 1] <= code[pc + 2];
            case REPEAT_START_GREEDY, REPEAT_END_GREEDY, REPEAT_START_UNGREEDY, REPEAT_END_UNGREEDY ->
                    code[pc + 1] >= 0 && code[pc + 1] <= code[pc + 2] && target(code, pc, code[pc + 3], starts);
            default -> true;
        };
        if (!ok) throw new CorruptRulesException("bad operand at " + pc);
    }

    private static boolean target(int[] code, int pc, int offset, boolean[] starts) {
        long t = (long) pc + offset;
        return t >= 0 && t < code.length && starts[(int) t];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && Arrays.equals(p.code, code) && Arrays.equals(p.classes, classes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
