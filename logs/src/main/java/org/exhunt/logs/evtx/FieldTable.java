package org.exhunt.logs.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.exhunt.core.Record;

/**
 * A record's fields in document order, looked up by name ignoring case without allocating: an
 * open-addressing index over case-folded hashes. A name given several times keeps all its values in order. A
 * name not found as written is looked for ignoring spaces ({@link Record#sameName}), by a walk over the names, but
 * only when the record or the name has a space: most events have none, and pay nothing for it.
 */
final class FieldTable {

    private static final byte UNKNOWN = 0;
    private static final byte NONE = 1;
    private static final byte SOME = 2;

    private String[] names = new String[32];
    private Object[] values = new Object[32];   // String, or List<String> for a repeated name
    private int size;
    private int[] slots = new int[64];          // field index + 1; 0 = free
    private byte spacedNames = UNKNOWN;         // whether a name holds a space, found out on the first miss

    void add(String name, String value) {
        spacedNames = UNKNOWN;
        int slot = find(name);
        int existing = slots[slot];
        if (existing != 0) {
            append(existing - 1, value);
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        slots[slot] = size;
        if (size * 2 > slots.length) rehash();
    }

    /** The first value of a field, or null. */
    String first(String name) {
        int i = index(name);
        if (i < 0) return null;
        Object v = values[i];
        return v instanceof String s ? s : ((List<?>) v).get(0).toString();
    }

    List<String> all(String name) {
        int i = index(name);
        if (i < 0) return List.of();
        return asList(values[i]);
    }

    List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names).subList(0, size));
    }

    @SuppressWarnings("unchecked")
    private static List<String> asList(Object v) {
        return v instanceof String s ? List.of(s) : Collections.unmodifiableList((List<String>) v);
    }

    @SuppressWarnings("unchecked")
    private void append(int index, String value) {
        Object v = values[index];
        if (v instanceof String s) {
            List<String> list = new ArrayList<>(4);
            list.add(s);
            list.add(value);
            values[index] = list;
        } else {
            ((List<String>) v).add(value);
        }
    }

    /** The field of a name as written, else of the same name with other spaces; -1 when there is none. */
    private int index(String name) {
        int i = slots[find(name)] - 1;
        if (i >= 0 || !spacesMayDiffer(name)) return i;
        for (int k = 0; k < size; k++) {
            if (Record.sameName(names[k], name)) return k;
        }
        return -1;
    }

    private boolean spacesMayDiffer(String name) {
        if (spacedNames == UNKNOWN) {
            spacedNames = NONE;
            for (int k = 0; k < size; k++) {
                if (Record.hasSpace(names[k])) {
                    spacedNames = SOME;
                    break;
                }
            }
        }
        return spacedNames == SOME || Record.hasSpace(name);
    }

    /** The slot holding {@code name}, or the free slot where it would go. */
    private int find(String name) {
        int mask = slots.length - 1;
        int slot = foldedHash(name) & mask;
        while (true) {
            int i = slots[slot] - 1;
            if (i < 0 || names[i].equalsIgnoreCase(name)) return slot;
            slot = (slot + 1) & mask;
        }
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = foldedHash(names[i]) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = i + 1;
        }
    }

    /**
     * A hash equal for names that {@link String#equalsIgnoreCase} finds equal. ASCII is folded with
     * {@code | 0x20}, which also merges a few punctuation pairs: a collision, settled by the equality test.
     */
    private static int foldedHash(String s) {
        int h = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            h = 31 * h + (c < 0x80 ? c | 0x20 : Character.toLowerCase(Character.toUpperCase(c)));
        }
        return h ^ (h >>> 16);
    }
}
