package org.exhunt.yara.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles a {@link RegexAst} into a {@link Program}, forwards or backwards, exactly as libyara's
 * {@code _yr_re_emit} does: the same instruction sequence, the same split ids, and the same entry points per
 * node, since YARA starts verifying a match at the node where the chosen atom was found.
 *
 * <p>A bounded repetition <code>e{n,m}</code> becomes a prolog (one copy of {@code e}), a counted loop, a
 * split and an epilog (one more copy), so that atoms never point inside the loop; entry points come from the
 * prolog going forwards and from the epilog going backwards. libyara's size limits are kept: at most 128
 * splits, and jump distances (measured in libyara's byte encoding) within a 16-bit offset.
 */
public final class RegexEmitter {

    /** libyara's {@code RE_MAX_SPLIT_ID}. */
    static final int MAX_SPLITS = 128;

    private static final int DONT_SET_FORWARDS = 1;
    private static final int DONT_SET_BACKWARDS = 2;

    private final boolean backwards;
    private int[] code;
    /** libyara's byte offset of the instruction starting at each code index (for the size limits). */
    private int[] bytePos;
    private int pc;
    private int bytes;
    private int nextSplitId;
    private final List<CharClass> classes = new ArrayList<>();
    private final int[] entries;
    private int repeatDepth;
    private int maxRepeatDepth;

    private RegexEmitter(int nodeCount, boolean backwards) {
        this.backwards = backwards;
        // Room for a hex string's bytes (two ints each) without growing.
        this.code = new int[Math.max(64, 2 * nodeCount + 8)];
        this.bytePos = new int[code.length];
        this.entries = new int[nodeCount];
        Arrays.fill(entries, -1);
    }

    /** The program matching {@code ast} forwards, with each node's forward entry point. */
    public static Program forwards(RegexAst ast) throws RegexSyntaxException {
        return emit(ast, false);
    }

    /** The program matching {@code ast} backwards (right to left), with each node's backward entry point. */
    public static Program backwards(RegexAst ast) throws RegexSyntaxException {
        return emit(ast, true);
    }

    private static Program emit(RegexAst ast, boolean backwards) throws RegexSyntaxException {
        RegexEmitter e = new RegexEmitter(ast.nodeCount(), backwards);
        e.node(ast.root(), 0);
        e.inst(Program.MATCH, 1);
        return new Program(Arrays.copyOf(e.code, e.pc), e.classes.toArray(new CharClass[0]), e.entries,
                Math.max(1, e.maxRepeatDepth));
    }

    private static RegexSyntaxException tooLarge() {
        return new RegexSyntaxException("regular expression is too large");
    }

    // One method per operand count rather than varargs: an array per instruction was the largest garbage of
    // compiling signature-base's hex strings.
    private int inst(int opcode, int size) {
        return append(opcode, size, 0, 0, 0, 0);
    }

    private int inst(int opcode, int size, int a) {
        return append(opcode, size, 1, a, 0, 0);
    }

    private int inst(int opcode, int size, int a, int b) {
        return append(opcode, size, 2, a, b, 0);
    }

    private int inst(int opcode, int size, int a, int b, int c) {
        return append(opcode, size, 3, a, b, c);
    }

    /** Appends an instruction whose libyara encoding takes {@code size} bytes; returns its index. */
    private int append(int opcode, int size, int operands, int a, int b, int c) {
        int at = pc;
        ensure(1 + operands);
        bytePos[pc] = bytes;
        code[pc++] = opcode;
        if (operands > 0) code[pc++] = a;
        if (operands > 1) code[pc++] = b;
        if (operands > 2) code[pc++] = c;
        bytes += size;
        return at;
    }

    private void ensure(int n) {
        if (pc + n > code.length) {
            code = Arrays.copyOf(code, Math.max(code.length * 2, pc + n));
            bytePos = Arrays.copyOf(bytePos, code.length);
        }
    }

    private int split(int opcode) throws RegexSyntaxException {
        if (nextSplitId == MAX_SPLITS) throw new RegexSyntaxException("regular expression is too complex");
        return inst(opcode, 4, nextSplitId++, 0);
    }

    /** Emits {@code n}; returns the index of its first instruction, or -1 if it emitted none. */
    private int node(RegexNode n, int flags) throws RegexSyntaxException {
        int first = -1;
        switch (n.kind) {
            case LITERAL -> first = inst(Program.LITERAL, 2, n.value);
            case MASKED_LITERAL -> first = inst(Program.MASKED_LITERAL, 3, n.value, n.mask);
            case WORD_CHAR -> first = inst(Program.WORD_CHAR, 1);
            case NON_WORD_CHAR -> first = inst(Program.NON_WORD_CHAR, 1);
            case WORD_BOUNDARY -> first = inst(Program.WORD_BOUNDARY, 1);
            case NON_WORD_BOUNDARY -> first = inst(Program.NON_WORD_BOUNDARY, 1);
            case SPACE -> first = inst(Program.SPACE, 1);
            case NON_SPACE -> first = inst(Program.NON_SPACE, 1);
            case DIGIT -> first = inst(Program.DIGIT, 1);
            case NON_DIGIT -> first = inst(Program.NON_DIGIT, 1);
            case ANY -> first = inst(Program.ANY, 1);
            case CLASS -> {
                classes.add(n.charClass);
                first = inst(Program.CLASS, 34, classes.size() - 1);
            }
            case ANCHOR_START -> first = inst(Program.MATCH_AT_START, 1);
            case ANCHOR_END -> first = inst(Program.MATCH_AT_END, 1);
            case EMPTY -> { }
            case CONCAT -> {
                int count = n.children.size();
                for (int i = 0; i < count; i++) {
                    RegexNode child = n.children.get(backwards ? count - 1 - i : i);
                    int at = node(child, flags);
                    if (i == 0) first = at;
                }
            }
            case PLUS -> {
                // L1: e ; split L1, L2 ; L2:
                first = node(n.children.get(0), flags);
                int distance = bytePos(first) - bytes;
                if (distance < Short.MIN_VALUE) throw tooLarge();
                int s = split(n.greedy ? Program.SPLIT_B : Program.SPLIT_A);
                code[s + 2] = first - s;
            }
            case STAR -> {
                // L1: split L1, L2 ; e ; jmp L1 ; L2:
                first = split(n.greedy ? Program.SPLIT_A : Program.SPLIT_B);
                node(n.children.get(0), flags);
                if (bytePos(first) - bytes < Short.MIN_VALUE) throw tooLarge();
                int j = inst(Program.JUMP, 3, 0);
                code[j + 1] = first - j;
                if (bytes - bytePos(first) > Short.MAX_VALUE) throw tooLarge();
                code[first + 2] = pc - first;
            }
            case ALT -> {
                // split L1, L2 ; L1: e1 ; jmp L3 ; L2: e2 ; L3:
                first = split(Program.SPLIT_A);
                node(n.children.get(0), flags);
                int j = inst(Program.JUMP, 3, 0);
                if (bytes - bytePos(first) > Short.MAX_VALUE) throw tooLarge();
                code[first + 2] = pc - first;
                node(n.children.get(1), flags);
                if (bytes - bytePos(j) > Short.MAX_VALUE) throw tooLarge();
                code[j + 1] = pc - j;
            }
            case RANGE_ANY -> first = inst(n.greedy ? Program.REPEAT_ANY_GREEDY : Program.REPEAT_ANY_UNGREEDY, 5,
                    n.start, n.end);
            case RANGE -> first = range(n, flags);
        }
        if (backwards) {
            if ((flags & DONT_SET_BACKWARDS) == 0) entries[n.id] = pc;
        } else if ((flags & DONT_SET_FORWARDS) == 0) {
            entries[n.id] = first;
        }
        return first;
    }

    private int bytePos(int index) {
        return index < 0 ? bytes : bytePos[index];
    }

    /** <code>e{n,m}</code>: prolog, counted loop, split and epilog, each only when the bounds need it. */
    private int range(RegexNode n, int flags) throws RegexSyntaxException {
        RegexNode e = n.children.get(0);
        boolean prolog = n.start > 0;
        boolean repeat = n.end > n.start + 1 || n.end > 2;
        boolean split = n.end > n.start;
        boolean epilog = n.end > n.start || n.end > 1;
        int first = -1;

        if (prolog) first = node(e, flags);
        if (repeat) {
            int min = n.start;
            int max = n.end;
            if (prolog) {
                max--;
                min--;
            }
            if (split) {
                max--;
            } else {
                min--;
                max--;
            }
            int start = inst(n.greedy ? Program.REPEAT_START_GREEDY : Program.REPEAT_START_UNGREEDY, 9, min, max, 0);
            if (!prolog) first = start;
            int bodyStart = pc;
            repeatDepth++;
            maxRepeatDepth = Math.max(maxRepeatDepth, repeatDepth);
            node(e, flags | DONT_SET_FORWARDS | DONT_SET_BACKWARDS);
            repeatDepth--;
            int end = inst(n.greedy ? Program.REPEAT_END_GREEDY : Program.REPEAT_END_UNGREEDY, 9, min, max, 0);
            code[end + 3] = bodyStart - end;
            code[start + 3] = pc - start;
        }
        int s = -1;
        if (split) s = split(n.greedy ? Program.SPLIT_A : Program.SPLIT_B);
        if (epilog) {
            int at = node(e, prolog ? flags | DONT_SET_FORWARDS : flags);
            if (!prolog && !repeat) first = at;
        }
        if (split) {
            if (bytes - bytePos(s) > Short.MAX_VALUE) throw tooLarge();
            code[s + 2] = pc - s;
        }
        return first;
    }
}
