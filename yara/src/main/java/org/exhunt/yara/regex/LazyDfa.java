package org.exhunt.yara.regex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The steps {@link PikeVm} has taken for one program, entry point and set of flags, remembered as a DFA
 * built on demand. A state is an ordered list of fibers (instruction, counters) as the VM holds it after
 * merging identical fibers; its transition on a byte is what one VM step makes of it, so the DFA gives
 * exactly the VM's results, priorities and match lengths included. Only programs whose steps depend on the
 * byte alone are eligible ({@link Program#stepsDependOnByteOnly}). Not thread-safe: each VM has its own.
 */
final class LazyDfa {

    static final int UNKNOWN = -1;

    private final Map<Config, Integer> ids = new HashMap<>();
    private int[][] configs = new int[16][];
    private int[] matchCounts = new int[16];
    private int[][] next = new int[16][];
    private int size;

    int size() {
        return size;
    }

    /** The state whose fiber list is {@code config[0, length)}, added if new with its number of matches. */
    int intern(int[] config, int length, int matchCount) {
        Integer id = ids.get(new Config(config, length));
        if (id != null) return id;
        if (size == configs.length) {
            configs = Arrays.copyOf(configs, size * 2);
            matchCounts = Arrays.copyOf(matchCounts, size * 2);
            next = Arrays.copyOf(next, size * 2);
        }
        int[] copy = Arrays.copyOf(config, length);
        configs[size] = copy;
        matchCounts[size] = matchCount;
        int[] row = new int[256];
        Arrays.fill(row, UNKNOWN);
        next[size] = row;
        ids.put(new Config(copy, length), size);
        return size++;
    }

    /** The fiber list of {@code state}: per fiber its ip, repeat-any counter, stack pointer and stack. */
    int[] config(int state) {
        return configs[state];
    }

    /** Fibers reaching MATCH in this state (in a non-exhaustive run, 1 at most: the rest are cut). */
    int matchCount(int state) {
        return matchCounts[state];
    }

    boolean dead(int state) {
        return configs[state].length == 0;
    }

    int next(int state, int b) {
        return next[state][b];
    }

    void setNext(int state, int b, int target) {
        next[state][b] = target;
    }

    /** A fiber list as a hash key, over a prefix of an array. */
    private static final class Config {
        private final int[] values;
        private final int length;
        private final int hash;

        Config(int[] values, int length) {
            this.values = values;
            this.length = length;
            int h = 1;
            for (int i = 0; i < length; i++) h = 31 * h + values[i];
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Config c && Arrays.equals(values, 0, length, c.values, 0, c.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
