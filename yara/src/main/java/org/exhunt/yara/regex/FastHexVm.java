package org.exhunt.yara.regex;

import java.util.Arrays;
import org.exhunt.yara.data.Deadline;
import org.exhunt.yara.data.ScanData;

/**
 * Runs the program of a hex string without alternatives, as libyara's {@code yr_re_fast_exec}: one
 * instruction at a time over a list of candidate positions, where a jump adds one position per length it
 * allows. Such programs hold only literals, masked literals, {@code ??}, lazy jumps and the final match.
 * Forwards, the first position to reach the end gives the match; backwards (always exhaustive in a scan)
 * every position that reaches the end is a match. Unlike {@link PikeVm}, no 4,096-byte window applies.
 *
 * <p>Not thread-safe: one instance per scan.
 */
public final class FastHexVm {

    private int[] input = new int[64];
    private int[] round = new int[64];
    private int[] next = new int[64];
    private int[] prev = new int[64];
    private int count;
    /** Ticked for each position a run tries: jumps can make many. */
    private final Deadline deadline;

    /** A VM whose runs tick {@code deadline}. */
    public FastHexVm(Deadline deadline) {
        this.deadline = deadline;
    }

    /** Same contract as {@link PikeVm#exec}; only {@link PikeVm#BACKWARDS} and {@link PikeVm#EXHAUSTIVE} apply. */
    public int exec(Program program, int entry, ScanData data, int pos, int forwardSize, int backwardSize, int flags,
            MatchCallback callback) {
        int[] code = program.code;
        boolean back = (flags & PikeVm.BACKWARDS) != 0;
        boolean exhaustive = (flags & PikeVm.EXHAUSTIVE) != 0;
        int incr = back ? -1 : 1;
        int maxBytes = back ? backwardSize : forwardSize;
        count = 0;

        int first = create(back ? pos - 1 : pos, 0);
        int last = first;
        int ip = entry;
        int currentRound = 0;

        while (first != -1) {
            int cur = first;
            while (cur != -1) {
                deadline.tick();
                int after = next[cur];
                if (round[cur] != currentRound) {
                    cur = after;
                    continue;
                }
                int bytesMatched = back ? pos - input[cur] - 1 : input[cur] - pos;
                boolean match = false;
                switch (code[ip]) {
                    case Program.ANY -> {
                        if (bytesMatched < maxBytes) {
                            match = true;
                            input[cur] += incr;
                        }
                    }
                    case Program.LITERAL -> {
                        if (bytesMatched < maxBytes && (data.get(input[cur]) & 0xFF) == code[ip + 1]) {
                            match = true;
                            input[cur] += incr;
                        }
                    }
                    case Program.MASKED_LITERAL -> {
                        if (bytesMatched < maxBytes && (data.get(input[cur]) & code[ip + 2]) == code[ip + 1]) {
                            match = true;
                            input[cur] += incr;
                        }
                    }
                    case Program.REPEAT_ANY_UNGREEDY -> {
                        if (bytesMatched < maxBytes) {
                            int min = code[ip + 1];
                            int max = code[ip + 2];
                            match = true;
                            int nextOp = ip + 3;
                            int insertion = cur;
                            for (int j = min + 1; j <= max; j++) {
                                if (bytesMatched + j >= maxBytes) break;
                                int nextInput = input[cur] + j * incr;
                                while (next[insertion] != -1 && nextInput >= input[next[insertion]]) {
                                    insertion = next[insertion];
                                }
                                if (nextInput == input[insertion]) continue;
                                if (code[nextOp] == Program.LITERAL && code[nextOp + 1] != (data.get(nextInput) & 0xFF)) {
                                    continue;
                                }
                                int added = create(nextInput, currentRound + 1);
                                prev[added] = insertion;
                                next[added] = next[insertion];
                                next[insertion] = added;
                                if (next[added] != -1) prev[next[added]] = added;
                                if (insertion == last) last = added;
                            }
                            input[cur] += incr * min;
                        }
                    }
                    case Program.MATCH -> {
                        if (exhaustive) {
                            int start = back ? Math.max(input[cur] + 1, pos - backwardSize) : pos;
                            callback.onMatch(start, Math.min(bytesMatched, maxBytes));
                        } else {
                            return bytesMatched;
                        }
                    }
                    default -> throw new IllegalStateException("opcode " + code[ip] + " in a fast hex program");
                }
                if (match) {
                    round[cur] = currentRound + 1;
                } else {
                    if (cur == first) first = next[cur];
                    if (cur == last) last = prev[cur];
                    if (prev[cur] != -1) next[prev[cur]] = next[cur];
                    if (next[cur] != -1) prev[next[cur]] = prev[cur];
                }
                cur = after;
            }
            if (code[ip] != Program.MATCH) ip += Program.length(code[ip]);
            currentRound++;
        }
        return -1;
    }

    private int create(int at, int r) {
        if (count == input.length) {
            int n = count * 2;
            input = Arrays.copyOf(input, n);
            round = Arrays.copyOf(round, n);
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
        }
        int p = count++;
        input[p] = at;
        round[p] = r;
        next[p] = -1;
        prev[p] = -1;
        return p;
    }
}
