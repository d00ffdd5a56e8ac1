package org.exhunt.yara;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.core.Limits;
import org.exhunt.yara.compile.CompiledString;
import org.exhunt.yara.condition.MatchList;
import org.exhunt.yara.data.ScanData;

/**
 * A matched rule's string matches, each made when read: the rule's result holds its strings' match lists
 * (one list for all strings searched as the same one, whichever rules they are in) and the scanned data, not
 * a copy of each match. 200 rules with {@code $a = "a"} on 200 kB of {@code a} hold one list of 200,000
 * offsets, not 40 million matches. Immutable once made.
 */
final class MatchedStrings extends AbstractList<StringMatch> {

    /** The strings with matches, in declaration order, and their lists. */
    private final CompiledString[] strings;
    private final MatchList[] lists;
    /** The matches of strings 0..k together, for each k: strictly increasing. */
    private final int[] ends;
    private final ScanData data;

    /** Over {@code strings} (in declaration order) and their match lists; strings without matches are left out. */
    MatchedStrings(List<CompiledString> strings, List<MatchList> lists, ScanData data) {
        int n = 0;
        for (MatchList l : lists) if (l.count() > 0) n++;
        this.strings = new CompiledString[n];
        this.lists = new MatchList[n];
        this.ends = new int[n];
        int k = 0;
        int total = 0;
        for (int i = 0; i < lists.size(); i++) {
            if (lists.get(i).count() == 0) continue;
            this.strings[k] = strings.get(i);
            this.lists[k] = lists.get(i);
            total += lists.get(i).count();
            ends[k++] = total;
        }
        this.data = data;
    }

    @Override
    public int size() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    @Override
    public StringMatch get(int i) {
        if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
        int k = Arrays.binarySearch(ends, i + 1);
        if (k < 0) k = -k - 1;
        int j = i - (k == 0 ? 0 : ends[k - 1]);
        MatchList list = lists[k];
        int offset = list.offset(j);
        int length = list.length(j);
        byte[] kept = data.copyOf(offset, Math.min(length, Limits.YARA_MATCH_DATA));
        return new StringMatch(strings[k].identifier, offset, length, kept, strings[k].isHex());
    }
}
