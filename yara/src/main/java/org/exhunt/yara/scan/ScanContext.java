package org.exhunt.yara.scan;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.exhunt.yara.condition.EvalContext;
import org.exhunt.yara.condition.MatchList;
import org.exhunt.yara.data.ScanData;
import org.exhunt.yara.modules.Module;
import org.exhunt.yara.modules.ObjectValue;
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
    final FastHexVm fastVm = new FastHexVm(deadline);
    boolean fastMode;
    /** Strings that reached the match cap in this scan, in the order they did. */
    final java.util.List<Integer> capped = new java.util.ArrayList<>();
    private final Map<Object, Object> cache = new HashMap<>();
    /** Matches held by all strings in this scan, unconfirmed chain parts included. */
    private int heldMatches;

    /** Counts one more held match; past {@link org.exhunt.core.Limits#YARA_MATCHES_PER_SCAN} the scan stops. */
    void hold() {
        if (++heldMatches > org.exhunt.core.Limits.YARA_MATCHES_PER_SCAN) throw new TooManyMatchesException();
    }

    /** Scratch marks, by rule, for {@link ScanEngine}'s choice of rules to evaluate. */
    final boolean[] mayHold;
    /** The rules whose condition held in the last scan, in order. */
    private int[] trueRules = new int[16];
    private int trueCount;

    private final Module[] modules;
    private final ObjectValue.Struct[] moduleRoots;

    /** For each string, the string searched for it; for each string searched, those sharing its match list. */
    private final int[] searchedAs;
    private final int[][] sharing;

    /** Strings searched as another share its match list ({@code searchedAs[i]} is the one searched). */
    ScanContext(int[] searchedAs, int rules, Module[] modules) {
        int strings = searchedAs.length;
        this.modules = modules;
        this.searchedAs = searchedAs;
        this.sharing = sharing(searchedAs);
        this.moduleRoots = new ObjectValue.Struct[modules.length];
        matches = new MatchList[strings];
        unconfirmed = new Unconfirmed[strings];
        for (int i = 0; i < strings; i++) {
            matches[i] = searchedAs[i] == i ? new MatchList() : matches[searchedAs[i]];
            unconfirmed[i] = new Unconfirmed();
        }
        disabled = new boolean[strings];
        touched = new boolean[strings];
        ruleResults = new long[rules];
        mayHold = new boolean[rules];
    }

    void reset(ScanData data) {
        this.data = data;
        this.dataSize = data.size();
        for (int k = 0; k < touchedCount; k++) {
            int i = touchedList[k];
            matches[i].clear();
            unconfirmed[i].clear();
            disabled[i] = false;
            touched[i] = false;
        }
        touchedCount = 0;
        heldMatches = 0;
        for (int k = 0; k < trueCount; k++) ruleResults[trueRules[k]] = 0;
        trueCount = 0;
        capped.clear();
        cache.clear();
        java.util.Arrays.fill(moduleRoots, null);
    }

    private static int[][] sharing(int[] searchedAs) {
        int[] counts = new int[searchedAs.length];
        for (int key : searchedAs) counts[key]++;
        int[][] out = new int[searchedAs.length][];
        for (int i = 0; i < out.length; i++) out[i] = new int[counts[i]];
        for (int i = 0; i < searchedAs.length; i++) out[searchedAs[i]][--counts[searchedAs[i]]] = i;
        return out;
    }

    /**
     * The match list of string {@code s} (and of every string searched as the same one), handed over to a scan
     * result: from now on those strings have a new, empty list, so the result keeps this one without a copy
     * and the next scan cannot change it. Hand a list over once per scan ({@link #matchesOf} tells the
     * string searched).
     */
    public MatchList handOver(int s) {
        int key = searchedAs[s];
        MatchList list = matches[key];
        MatchList fresh = new MatchList();
        for (int sharer : sharing[key]) matches[sharer] = fresh;
        return list;
    }

    /** The string whose search finds string {@code s}'s matches; strings with the same one share a list. */
    public int matchesOf(int s) {
        return searchedAs[s];
    }

    /** Strings that reached the match cap in the last scan, in the order they did. */
    public java.util.List<Integer> cappedStrings() {
        return capped;
    }

    @Override
    public ObjectValue.Struct moduleRoot(int slot) {
        ObjectValue.Struct root = moduleRoots[slot];
        if (root == null) {
            root = modules[slot].load(this);
            moduleRoots[slot] = root;
        }
        return root;
    }

    void ruleTrue(int rule) {
        ruleResults[rule] = 1;
        if (trueCount == trueRules.length) trueRules = java.util.Arrays.copyOf(trueRules, trueCount * 2);
        trueRules[trueCount++] = rule;
    }

    /** How many rules held in the last scan; {@link #trueRule} gives them in order. */
    public int trueCount() {
        return trueCount;
    }

    public int trueRule(int k) {
        return trueRules[k];
    }

    /** Strings that may have matches in this scan (the others have none). */
    int touchedCount() {
        return touchedCount;
    }

    int touched(int k) {
        return touchedList[k];
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
