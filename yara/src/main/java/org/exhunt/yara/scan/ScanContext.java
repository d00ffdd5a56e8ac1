package org.exhunt.yara.scan;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.exhunt.yara.condition.EvalContext;
import org.exhunt.yara.condition.MatchList;
import org.exhunt.yara.regex.FastHexVm;

/**
 * The state of one scan: the data, each string's matches and chain bookkeeping, rule results, module data,
 * and the regex machines. A {@link org.exhunt.yara.Scanner} reuses one context from scan to scan.
 */
public final class ScanContext extends EvalContext {

    final Unconfirmed[] unconfirmed;
    /** Strings that reached the match cap and stopped collecting. */
    final boolean[] disabled;
    /** Strings with matches, unconfirmed matches or the cap reached in this scan: what {@link #reset} clears. */
    private final boolean[] touched;
    private int[] touchedList = new int[64];
    private int touchedCount;
    final FastHexVm fastVm = new FastHexVm();
    boolean fastMode;
    /** Strings that reached the match cap in this scan, in the order they did. */
    final java.util.List<Integer> capped = new java.util.ArrayList<>();
    private final Map<Object, Object> cache = new HashMap<>();

    ScanContext(int strings, int rules) {
        matches = new MatchList[strings];
        unconfirmed = new Unconfirmed[strings];
        for (int i = 0; i < strings; i++) {
            matches[i] = new MatchList();
            unconfirmed[i] = new Unconfirmed();
        }
        disabled = new boolean[strings];
        touched = new boolean[strings];
        ruleResults = new long[rules];
    }

    void reset(byte[] data, int size) {
        this.data = data;
        this.dataSize = size;
        for (int k = 0; k < touchedCount; k++) {
            int i = touchedList[k];
            matches[i].clear();
            unconfirmed[i].clear();
            disabled[i] = false;
            touched[i] = false;
        }
        touchedCount = 0;
        capped.clear();
        cache.clear();
    }

    /** Strings that reached the match cap in the last scan. */
    public java.util.List<Integer> cappedStrings() {
        return java.util.List.copyOf(capped);
    }

    /** Notes that string {@code s} has state to clear at the next reset. */
    void touch(int s) {
        if (touched[s]) return;
        touched[s] = true;
        if (touchedCount == touchedList.length) touchedList = java.util.Arrays.copyOf(touchedList, touchedCount * 2);
        touchedList[touchedCount++] = s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T cached(Object key, Supplier<T> compute) {
        return (T) cache.computeIfAbsent(key, k -> compute.get());
    }
}
