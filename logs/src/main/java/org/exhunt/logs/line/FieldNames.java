package org.exhunt.logs.line;

import java.util.Arrays;
import java.util.List;

/**
 * The column names of one header block (IIS {@code #Fields}, an Exchange CSV header), in order and case as
 * written, with a case-insensitive lookup that allocates nothing (rules look fields up by name for every
 * record). Immutable; shared by all records of the block.
 */
public final class FieldNames {

    private final String[] names;
    private final int[] table;   // open addressing: index + 1, 0 = empty
    private final int mask;

    public FieldNames(List<String> names) {
        this.names = names.toArray(String[]::new);
        int size = Integer.highestOneBit(Math.max(4, this.names.length * 4) - 1) << 1;
        this.table = new int[size];
        this.mask = size - 1;
        for (int i = 0; i < this.names.length; i++) {
            if (indexOf(this.names[i]) >= 0) continue;  // a repeated name: the first one wins
            int h = hash(this.names[i]) & mask;
            while (table[h] != 0) h = (h + 1) & mask;
            table[h] = i + 1;
        }
    }

    /** The index of a column, ignoring case, or -1. */
    public int indexOf(String name) {
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

    public List<String> list() {
        return Arrays.asList(names.clone());
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
