package org.exhunt.yara.scan;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.exhunt.yara.condition.EvalContext;
import org.exhunt.yara.condition.MatchList;
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
    final FastHexVm fastVm = new FastHexVm();
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

    /** Strings searched as another share its match list ({@code searchedAs[i]} is the one searched). */
    ScanContext(int[] searchedAs, int rules, Module[] modules) {
        int strings = searchedAs.length;
        this.modules = modules;
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
        heldMatches = 0;
        for (int k = 0; k < trueCount; k++) ruleResults[trueRules[k]] = 0;
        trueCount = 0;
        capped.clear();
        cache.clear();
        java.util.Arrays.fill(moduleRoots, null);
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
