package org.exhunt.yara.condition;

import java.util.Arrays;

/**
 * The matches of one string in one scan: offsets (ascending, each at most once) and lengths, in growing int
 * arrays: 4 bytes per match while all matches have one length (most strings), 8 after (the matched bytes are
 * read back from the data when reported). Like libyara, a match at an offset already present is dropped,
 * or, for a greedy regex, replaces the earlier length.
 */
public final class MatchList {

    private int[] offsets = new int[4];
    /** Each match's length; null while every match has {@link #commonLength}. */
    private int[] lengths;
    private int commonLength;
    private int count;

    public int count() {
        return count;
    }

    public int offset(int i) {
        return offsets[i];
    }

    public int length(int i) {
        return lengths == null ? commonLength : lengths[i];
    }

    /** Empties the list; storage grown for a hostile file's million matches is let go. */
    public void clear() {
        count = 0;
        lengths = null;
        if (offsets.length > 1 << 16) offsets = new int[4];
    }

    /**
     * Adds a match, keeping offsets sorted (libyara inserts walking back from the tail: matches mostly arrive
     * in order), and returns its index; -1 when the offset was already there (then {@code replace} updates
     * the length).
     */
    public int add(int offset, int length, boolean replace) {
        int i = count - 1;
        while (i >= 0) {
            if (offsets[i] == offset) {
                if (replace) setLength(i, length);
                return -1;
            }
            if (offset > offsets[i]) break;
            i--;
        }
        int at = i + 1;
        if (count == 0) commonLength = length;
        if (lengths == null && length != commonLength) materializeLengths();
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            if (lengths != null) lengths = Arrays.copyOf(lengths, count * 2);
        }
        if (at < count) {
            System.arraycopy(offsets, at, offsets, at + 1, count - at);
            if (lengths != null) System.arraycopy(lengths, at, lengths, at + 1, count - at);
        }
        offsets[at] = offset;
        if (lengths != null) lengths[at] = length;
        count++;
        return at;
    }

    /** Removes the match at index {@code i}. */
    public void remove(int i) {
        System.arraycopy(offsets, i + 1, offsets, i, count - i - 1);
        if (lengths != null) System.arraycopy(lengths, i + 1, lengths, i, count - i - 1);
        count--;
    }

    private void setLength(int i, int length) {
        if (lengths == null && length != commonLength) materializeLengths();
        if (lengths != null) lengths[i] = length;
    }

    private void materializeLengths() {
        lengths = new int[offsets.length];
        Arrays.fill(lengths, 0, count, commonLength);
    }

    /** Index of the first match at or after {@code offset} (binary search). */
    public int firstAtOrAfter(long offset) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
