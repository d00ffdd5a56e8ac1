package org.exhunt.logs.line;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The column names of one header block (IIS {@code #Fields}, an Exchange CSV header), in order and case as
 * written, with a case-insensitive lookup that allocates nothing (rules look fields up by name for every
 * record): an exact-case hash lookup first (String caches its hash), then a case-folding one. Immutable; shared by all records of the block.
 */
public final class FieldNames {

    private static final int FOLDED_CACHE = 1024;

    private final String[] names;
    private final Map<String, Integer> exact = new HashMap<>();   // rules mostly ask in the file's own case
    private final Map<String, Integer> folded = new ConcurrentHashMap<>();   // answers for other spellings, bounded
    private final int[] table;   // case-insensitive, open addressing: index + 1, 0 = empty
    private final int mask;

    public FieldNames(List<String> names) {
        this.names = names.toArray(String[]::new);
        int size = Integer.highestOneBit(Math.max(4, this.names.length * 4) - 1) << 1;
        this.table = new int[size];
        this.mask = size - 1;
        for (int i = 0; i < this.names.length; i++) {
            if (probe(this.names[i]) >= 0) continue;  // a repeated name: the first one wins
            exact.put(this.names[i], i);
            int h = hash(this.names[i]) & mask;
            while (table[h] != 0) h = (h + 1) & mask;
            table[h] = i + 1;
        }
    }

    /** The index of a column, ignoring case, or -1. */
    public int indexOf(String name) {
        Integer known = exact.get(name);
        if (known == null) known = folded.get(name);
        if (known != null) return known;
        int i = probe(name);
        if (folded.size() < FOLDED_CACHE) folded.put(name, i);
        return i;
    }

    private int probe(String name) {
        int h = hash(name) & mask;
        while (true) {
            int slot = table[h];
            if (slot == 0) return -1;
            if (names[slot - 1].equalsIgnoreCase(name)) return slot - 1;
            h = (h + 1) & mask;
        }
    }

    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldNames f && Arrays.equals(names, f.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }

    // Folds case the way String.equalsIgnoreCase compares, so that equal-ignoring-case names hash alike.
    private static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') c += 32;
            else if (c > 127) c = Character.toLowerCase(Character.toUpperCase(c));
            h = 31 * h + c;
        }
        return h ^ (h >>> 16);
    }
}
