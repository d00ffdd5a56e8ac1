package org.exhunt.yara.scan;

import java.util.Arrays;
import org.exhunt.yara.condition.MatchList;

/**
 * Matches of one part of a chained string waiting for the next parts (libyara's unconfirmed matches):
 * offset and length, sorted by offset as in a {@link MatchList}, and how many following parts are known to
 * line up (the chain length).
 */
final class Unconfirmed {

    private final MatchList matches = new MatchList();
    private int[] chainLengths = new int[4];

    int count() {
        return matches.count();
    }

    int offset(int i) {
        return matches.offset(i);
    }

    /** Where the match ends (offset plus length). */
    long end(int i) {
        return (long) matches.offset(i) + matches.length(i);
    }

    int chainLength(int i) {
        return chainLengths[i];
    }

    void setChainLength(int i, int chainLength) {
        chainLengths[i] = chainLength;
    }

    void clear() {
        matches.clear();
    }

    /** Adds a match (chain length 0) unless one exists at that offset; false when one did. */
    boolean add(int offset, int length) {
        int count = matches.count();
        int at = matches.add(offset, length, false);
        if (at < 0) return false;
        if (count + 1 > chainLengths.length) chainLengths = Arrays.copyOf(chainLengths, chainLengths.length * 2);
        System.arraycopy(chainLengths, at, chainLengths, at + 1, count - at);
        chainLengths[at] = 0;
        return true;
    }

    void remove(int i) {
        System.arraycopy(chainLengths, i + 1, chainLengths, i, matches.count() - i - 1);
        matches.remove(i);
    }
}
