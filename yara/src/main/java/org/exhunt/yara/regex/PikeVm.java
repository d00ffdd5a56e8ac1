package org.exhunt.yara.regex;

import org.exhunt.yara.data.Deadline;
import org.exhunt.yara.data.ScanData;

/**
 * Runs a {@link Program} over bytes without backtracking, as libyara's {@code yr_re_exec}: a list of
 * "fibers" (threads) in priority order advances one character at a time, so the work is linear in the
 * input for a given program. Identical fibers are merged at each step; a split taken twice within one step
 * is dropped, which keeps {@code (a*)*} finite.
 *
 * <p>Results follow libyara exactly. Forwards, the run reports the length of the highest-priority match
 * (greedy quantifiers prefer longer, lazy ones shorter). With {@link #EXHAUSTIVE}, each fiber that reaches
 * the end reports its match through the callback; backwards runs are always exhaustive in a scan. At most
 * {@value #SCAN_LIMIT} bytes are examined in each direction.
 *
 * <p>An instance keeps its fiber arrays between runs; it is not thread-safe (one per scan).
 */
public final class PikeVm {

    /** libyara's {@code YR_RE_SCAN_LIMIT}: bytes examined in each direction from the starting point. */
    public static final int SCAN_LIMIT = 4096;
    /** libyara's {@code RE_MAX_FIBERS}. */
    public static final int MAX_FIBERS = 1024;

    public static final int BACKWARDS = 1;
    public static final int EXHAUSTIVE = 2;
    public static final int WIDE = 4;
    public static final int NO_CASE = 8;
    /** Look for a match starting anywhere in the input, not only at its start (the {@code matches} operator). */
    public static final int SCAN = 16;
    public static final int DOT_ALL = 32;

    private static final int NONE = 0;
    private static final int CONTINUE = 1;
    private static final int KILL = 2;
    private static final int KILL_TAIL = 3;

    // Fibers, by index: a doubly linked list of the live ones, a free stack of the others.
    private final int[] ip = new int[MAX_FIBERS];
    private final int[] sp = new int[MAX_FIBERS];
    private final int[] rc = new int[MAX_FIBERS];
    private final int[] next = new int[MAX_FIBERS];
    private final int[] prev = new int[MAX_FIBERS];
    private final int[][] stack = new int[MAX_FIBERS][];
    private final int[] free = new int[MAX_FIBERS];
    private int freeCount;
    private int allocated;
    private int head = -1;
    private int tail = -1;
    private int stackDepth;

    /** Whether steps are remembered as a DFA (always, but for tests that compare with the plain VM). */
    private final boolean rememberSteps;
    /** Ticked at each byte the VM proper steps over (a step may move a thousand fibers). */
    private final Deadline deadline;

    /** A VM whose runs tick {@code deadline}. */
    public PikeVm(Deadline deadline) {
        this(true, deadline);
    }

    PikeVm(boolean rememberSteps, Deadline deadline) {
        this.rememberSteps = rememberSteps;
        this.deadline = deadline;
    }

    // The run in progress.
    private int[] code;
    private CharClass[] classes;
    private ScanData data;
    private int pos;
    private int forwardSize;
    private int backwardSize;
    private int flags;
    private MatchCallback callback;
    private boolean wide;
    private boolean back;
    private boolean noCase;
    private boolean dotAll;
    private boolean exhaustive;
    private int charSize;
    private int incr;
    private int maxBytes;
    private int input;
    private int bytesMatched;
    private int matches;
    private final int[] splitsSeen = new int[RegexEmitter.MAX_SPLITS];

    /**
     * Runs {@code program} from instruction {@code entry} at byte {@code pos} of {@code data}; {@code forwardSize} bytes are
     * readable from {@code pos} onwards and {@code backwardSize} bytes before it. Returns the number of bytes
     * matched by the highest-priority match (0 is an empty match), or -1 when there is none. Exhaustive runs
     * report every match to {@code callback} instead (the return value is then the last one).
     */
    public int exec(Program program, int entry, ScanData data, int pos, int forwardSize, int backwardSize, int flags,
            MatchCallback callback) {
        this.code = program.code;
        this.classes = program.classes;
        this.data = data;
        this.pos = pos;
        this.forwardSize = forwardSize;
        this.backwardSize = backwardSize;
        this.flags = flags;
        this.callback = callback;
        ensureStackDepth(program.maxRepeatDepth + 1);
        killAll();

        wide = (flags & WIDE) != 0;
        back = (flags & BACKWARDS) != 0;
        noCase = (flags & NO_CASE) != 0;
        dotAll = (flags & DOT_ALL) != 0;
        exhaustive = (flags & EXHAUSTIVE) != 0;
        charSize = wide ? 2 : 1;
        input = pos;
        incr = charSize;
        if (back) {
            maxBytes = Math.min(backwardSize, SCAN_LIMIT);
            input -= charSize;
            incr = -incr;
        } else {
            maxBytes = Math.min(forwardSize, SCAN_LIMIT);
        }
        maxBytes -= maxBytes % charSize;
        bytesMatched = 0;
        matches = -1;

        int f = create();
        ip[f] = entry;
        append(f);
        sync(f);
        if (rememberSteps && program.stepsDependOnByteOnly && (flags & SCAN) == 0) return runDfa(program, entry);
        return runNfa(entry);
    }

    /** The VM proper: merge identical fibers, step every fiber over the current byte, until none is left. */
    private int runNfa(int entry) {
        while (head != -1) {
            deadline.tick();
            merge();
            step(true);
            input += incr;
            bytesMatched += charSize;
            if ((flags & SCAN) != 0 && bytesMatched < maxBytes) {
                int g = create();
                ip[g] = entry;
                append(g);
                sync(g);
            }
        }
        return matches;
    }

    /**
     * The same run through the DFA of remembered steps: a step not seen before is taken by the VM (without
     * reporting) and remembered. Past the size limit the run goes on in the VM.
     */
    private int runDfa(Program program, int entry) {
        LazyDfa dfa = dfa(program, entry);
        merge();
        int state = intern(dfa);
        while (!dfa.dead(state)) {
            for (int k = dfa.matchCount(state); k > 0; k--) reportMatch();
            if (exhausted()) return matches;
            int b = data.get(input) & 0xFF;
            int target = dfa.next(state, b);
            if (target == LazyDfa.UNKNOWN) {
                load(dfa.config(state));
                step(false);
                if (dfa.size() >= MAX_DFA_STATES) {
                    input += incr;
                    bytesMatched += charSize;
                    return runNfa(entry);
                }
                merge();
                target = intern(dfa);
                dfa.setNext(state, b, target);
            }
            state = target;
            input += incr;
            bytesMatched += charSize;
        }
        return matches;
    }

    /** One step: each fiber, in priority order, executes its instruction on the current byte. */
    private void step(boolean report) {
        boolean exhausted = exhausted();
        int fiber = head;
        while (fiber != -1) {
            int pc = ip[fiber];
            int action;
            int op = code[pc];
            switch (op) {
                case Program.ANY -> {
                    if (exhausted) {
                        action = KILL;
                    } else {
                        action = dotAll || data.get(input) != 0x0A ? NONE : KILL;
                        ip[fiber] = pc + 1;
                    }
                }
                case Program.REPEAT_ANY_GREEDY, Program.REPEAT_ANY_UNGREEDY -> {
                    if (exhausted) action = KILL;
                    else action = dotAll || data.get(input) != 0x0A ? NONE : KILL;
                }
                case Program.LITERAL -> {
                    if (exhausted) {
                        action = KILL;
                    } else {
                        int b = data.get(input) & 0xFF;
                        int lit = code[pc + 1];
                        boolean match = noCase ? Chars.lower(b) == Chars.lower(lit) : b == lit;
                        action = match ? NONE : KILL;
                        ip[fiber] = pc + 2;
                    }
                }
                case Program.MASKED_LITERAL -> {
                    if (exhausted) {
                        action = KILL;
                    } else {
                        action = ((data.get(input) & code[pc + 2]) == code[pc + 1]) ? NONE : KILL;
                        ip[fiber] = pc + 3;
                    }
                }
                case Program.CLASS -> {
                    if (exhausted) {
                        action = KILL;
                    } else {
                        action = classes[code[pc + 1]].matches(data.get(input) & 0xFF, noCase) ? NONE : KILL;
                        ip[fiber] = pc + 2;
                    }
                }
                case Program.WORD_CHAR, Program.NON_WORD_CHAR -> {
                    if (exhausted) {
                        action = KILL;
                    } else {
                        boolean word = isWordChar(input);
                        action = word == (op == Program.WORD_CHAR) ? NONE : KILL;
                        ip[fiber] = pc + 1;
                    }
                }
                case Program.SPACE, Program.NON_SPACE -> {
                    if (exhausted) {
                        action = KILL;
                    } else {
                        boolean space = Chars.isSpace(data.get(input) & 0xFF);
                        action = space == (op == Program.SPACE) ? NONE : KILL;
                        ip[fiber] = pc + 1;
                    }
                }
                case Program.DIGIT, Program.NON_DIGIT -> {
                    if (exhausted) {
                        action = KILL;
                    } else {
                        boolean digit = Chars.isDigit(data.get(input) & 0xFF);
                        action = digit == (op == Program.DIGIT) ? NONE : KILL;
                        ip[fiber] = pc + 1;
                    }
                }
                case Program.WORD_BOUNDARY, Program.NON_WORD_BOUNDARY -> {
                    boolean match;
                    if (bytesMatched == 0 && backwardSize < charSize) {
                        match = true;
                    } else if (bytesMatched >= maxBytes) {
                        match = true;
                    } else {
                        match = isWordChar(input) != isWordChar(input - incr);
                    }
                    if (op == Program.NON_WORD_BOUNDARY) match = !match;
                    action = match ? CONTINUE : KILL;
                    ip[fiber] = pc + 1;
                }
                case Program.MATCH_AT_START -> {
                    boolean kill = back ? backwardSize > bytesMatched : backwardSize > 0 || bytesMatched != 0;
                    action = kill ? KILL : CONTINUE;
                    ip[fiber] = pc + 1;
                }
                case Program.MATCH_AT_END -> {
                    boolean kill = back || forwardSize > bytesMatched;
                    action = kill ? KILL : CONTINUE;
                    ip[fiber] = pc + 1;
                }
                case Program.MATCH -> {
                    if (report) reportMatch();
                    action = exhaustive ? KILL : KILL_TAIL;
                }
                default -> throw new IllegalStateException("opcode " + op + " at " + pc);
            }
            switch (action) {
                case KILL -> fiber = kill(fiber);
                case KILL_TAIL -> {
                    killTail(fiber);
                    fiber = -1;
                }
                case CONTINUE -> sync(fiber);
                default -> {
                    int after = next[fiber];
                    sync(fiber);
                    fiber = after;
                }
            }
        }
    }

    /** A fiber reached MATCH at the current position. */
    private void reportMatch() {
        matches = bytesMatched;
        if (exhaustive && callback != null) {
            if (back) callback.onMatch(input + charSize, bytesMatched);
            else callback.onMatch(pos, bytesMatched);
        }
    }

    /** Merges fibers identical to an earlier one (libyara does so at the start of each step). */
    private void merge() {
        for (int fiber = head; fiber != -1; ) {
            int after = next[fiber];
            if (existsBefore(fiber)) kill(fiber);
            fiber = after;
        }
    }

    /** The "prolog" of every byte-consuming instruction: out of window, or a wide char whose high byte is not 0. */
    private boolean exhausted() {
        return bytesMatched >= maxBytes || (wide && data.get(input + 1) != 0);
    }

    // ---- the DFA of remembered steps ----

    /** States one DFA may reach before its runs go back to the VM; all DFAs of this VM together, at most. */
    private static final int MAX_DFA_STATES = 2048;
    private static final int MAX_DFA_STATES_TOTAL = 16384;

    /** By program (identity), then by entry and flags: the DFAs of this VM. */
    private final java.util.IdentityHashMap<Program, java.util.HashMap<Long, LazyDfa>> dfas = new java.util.IdentityHashMap<>();
    private int dfaStates;
    private int[] config = new int[64];

    /** The DFA for this program, entry and the flags that change a step's outcome. */
    private LazyDfa dfa(Program program, int entry) {
        long key = ((long) entry << 8) | (flags & (NO_CASE | DOT_ALL | EXHAUSTIVE));
        java.util.HashMap<Long, LazyDfa> byEntry = dfas.get(program);
        LazyDfa dfa = byEntry == null ? null : byEntry.get(key);
        if (dfa == null) {
            if (dfaStates >= MAX_DFA_STATES_TOTAL) {
                dfas.clear();
                dfaStates = 0;
            }
            dfa = new LazyDfa();
            dfas.computeIfAbsent(program, p -> new java.util.HashMap<>()).put(key, dfa);
        }
        return dfa;
    }

    /** The state of the current fiber list (added when new): ip, counter, stack pointer and stack per fiber. */
    private int intern(LazyDfa dfa) {
        int n = 0;
        int matchCount = 0;
        boolean cut = false;
        for (int f = head; f != -1; f = next[f]) {
            if (n + 3 + sp[f] + 1 > config.length) config = java.util.Arrays.copyOf(config, config.length * 2 + sp[f] + 4);
            config[n++] = ip[f];
            config[n++] = rc[f];
            config[n++] = sp[f];
            for (int i = 0; i <= sp[f]; i++) config[n++] = stack[f][i];
            if (code[ip[f]] == Program.MATCH && !cut) {
                matchCount++;
                cut = !exhaustive;
            }
        }
        int before = dfa.size();
        int state = dfa.intern(config, n, matchCount);
        if (dfa.size() > before) dfaStates++;
        return state;
    }

    /** Makes the fiber list the one a state holds. */
    private void load(int[] state) {
        killAll();
        int i = 0;
        while (i < state.length) {
            int f = create();
            ip[f] = state[i++];
            rc[f] = state[i++];
            sp[f] = state[i++];
            for (int k = 0; k <= sp[f]; k++) stack[f][k] = state[i++];
            append(f);
        }
    }

    /**
     * Whether the character at {@code at} is a word character (in wide text, with a zero high byte). A
     * character outside the run's window is not one: libyara would read past the data there.
     */
    private boolean isWordChar(int at) {
        if (at < pos - backwardSize || at + charSize > pos + forwardSize) return false;
        boolean word = Chars.isWordChar(data.get(at) & 0xFF);
        if (charSize == 2) word = word && data.get(at + 1) == 0;
        return word;
    }

    /**
     * Advances {@code start} (and the fibers it splits into) through jumps, splits and repeat bookkeeping to
     * the next instruction that consumes input; libyara's {@code _yr_re_fiber_sync}.
     */
    private void sync(int start) {
        int splitsCount = 0;
        int fiber = start;
        int last = next[start];
        while (fiber != last) {
            int pc = ip[fiber];
            int op = code[pc];
            switch (op) {
                case Program.SPLIT_A, Program.SPLIT_B -> {
                    int id = code[pc + 1];
                    boolean seen = false;
                    for (int i = 0; i < splitsCount; i++) {
                        if (splitsSeen[i] == id) {
                            seen = true;
                            break;
                        }
                    }
                    if (seen) {
                        fiber = kill(fiber);
                    } else {
                        int a = fiber;
                        int b = split(a);
                        if (op == Program.SPLIT_B) {
                            int t = a;
                            a = b;
                            b = t;
                        }
                        ip[a] = pc + 3;
                        ip[b] = pc + code[pc + 2];
                        splitsSeen[splitsCount++] = id;
                    }
                }
                case Program.REPEAT_START_GREEDY, Program.REPEAT_START_UNGREEDY -> {
                    int min = code[pc + 1];
                    int a = fiber;
                    if (min == 0) {
                        int b = split(a);
                        if (op == Program.REPEAT_START_UNGREEDY) {
                            int t = a;
                            a = b;
                            b = t;
                        }
                        ip[b] = pc + code[pc + 3];
                    }
                    stack[a][++sp[a]] = 0;
                    ip[a] = pc + 4;
                }
                case Program.REPEAT_END_GREEDY, Program.REPEAT_END_UNGREEDY -> {
                    int min = code[pc + 1];
                    int max = code[pc + 2];
                    int count = ++stack[fiber][sp[fiber]];
                    if (count < min) {
                        ip[fiber] = pc + code[pc + 3];
                        break;
                    }
                    int a = fiber;
                    if (count < max) {
                        int b = split(a);
                        if (op == Program.REPEAT_END_GREEDY) {
                            int t = a;
                            a = b;
                            b = t;
                        }
                        ip[b] = pc + code[pc + 3];
                    }
                    sp[a]--;
                    ip[a] = pc + 4;
                }
                case Program.REPEAT_ANY_GREEDY, Program.REPEAT_ANY_UNGREEDY -> {
                    int min = code[pc + 1];
                    int max = code[pc + 2];
                    if (rc[fiber] == -1) rc[fiber] = 0;
                    if (rc[fiber] < min) {
                        rc[fiber]++;
                        fiber = next[fiber];
                    } else if (rc[fiber] < max) {
                        int after = next[fiber];
                        int a = fiber;
                        int b = split(a);
                        if (op == Program.REPEAT_ANY_UNGREEDY) {
                            int t = a;
                            a = b;
                            b = t;
                        }
                        rc[a]++;
                        ip[b] = pc + 3;
                        rc[b] = -1;
                        sync(b);
                        fiber = after;
                    } else {
                        ip[fiber] = pc + 3;
                        rc[fiber] = -1;
                    }
                }
                case Program.JUMP -> ip[fiber] = pc + code[pc + 1];
                default -> fiber = next[fiber];
            }
        }
    }

    /** Whether a fiber identical to {@code fiber} (same ip, counters and stack) precedes it in the list. */
    private boolean existsBefore(int fiber) {
        int stop = fiber;
        for (int f = head; f != stop; f = next[f]) {
            if (ip[f] == ip[fiber] && sp[f] == sp[fiber] && rc[f] == rc[fiber] && sameStack(f, fiber)) return true;
        }
        return false;
    }

    private boolean sameStack(int a, int b) {
        int[] sa = stack[a];
        int[] sb = stack[b];
        for (int i = 0; i <= sp[a]; i++) if (sa[i] != sb[i]) return false;
        return true;
    }

    private void ensureStackDepth(int depth) {
        if (depth > stackDepth) {
            stackDepth = depth;
            for (int i = 0; i < allocated; i++) stack[i] = new int[depth];
        }
    }

    private int create() {
        int f;
        if (freeCount > 0) {
            f = free[--freeCount];
        } else {
            if (allocated == MAX_FIBERS) throw new TooManyFibersException();
            f = allocated++;
            stack[f] = new int[stackDepth];
        }
        ip[f] = 0;
        sp[f] = -1;
        rc[f] = -1;
        next[f] = -1;
        prev[f] = -1;
        return f;
    }

    private void append(int f) {
        prev[f] = tail;
        if (tail != -1) next[tail] = f;
        tail = f;
        if (head == -1) head = f;
    }

    /** Inserts a copy of {@code f} right after it; returns the copy. */
    private int split(int f) {
        int n = create();
        ip[n] = ip[f];
        sp[n] = sp[f];
        rc[n] = rc[f];
        System.arraycopy(stack[f], 0, stack[n], 0, sp[f] + 1);
        next[n] = next[f];
        prev[n] = f;
        if (next[f] != -1) prev[next[f]] = n;
        next[f] = n;
        if (tail == f) tail = n;
        return n;
    }

    /** Removes {@code f}; returns the fiber that followed it. */
    private int kill(int f) {
        int after = next[f];
        if (prev[f] != -1) next[prev[f]] = after;
        if (after != -1) prev[after] = prev[f];
        if (tail == f) tail = prev[f];
        if (head == f) head = after;
        free[freeCount++] = f;
        return after;
    }

    /** Removes {@code f} and every fiber after it. */
    private void killTail(int f) {
        int p = prev[f];
        if (p != -1) next[p] = -1;
        tail = p;
        if (head == f) head = -1;
        for (int g = f; g != -1; ) {
            int after = next[g];
            free[freeCount++] = g;
            g = after;
        }
    }

    private void killAll() {
        if (head != -1) killTail(head);
    }
}
