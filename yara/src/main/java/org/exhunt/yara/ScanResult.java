package org.exhunt.yara;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What one scan found: the non-private rules that matched (in declaration order), warnings worded as
 * {@code yara} words them (a string hit the match cap), the rules whose verdict may differ from YARA's
 * because they read PE fields this engine does not parse yet (only on PE files), and an error that stopped
 * the scan (then no rule is reported, as with {@code yara}). {@link #rules} gives every non-private rule,
 * matched or not, in the order {@code yara} reports them; it is built on demand.
 */
public final class ScanResult {

    private final List<RuleMatch> matching;
    /** Rule index of each of {@link #matching}. */
    private final int[] matchingIndexes;
    private final int ruleCount;
    /** Each rule's outcome when it does not match, by rule index (null for private rules). */
    private final IntFunction<RuleMatch> unmatched;
    private final List<String> warnings;
    private final List<String> rulesNeedingPe;
    private final String error;

    ScanResult(List<RuleMatch> matching, int[] matchingIndexes, int ruleCount, IntFunction<RuleMatch> unmatched,
            List<String> warnings,
            List<String> rulesNeedingPe, String error) {
        this.matching = List.copyOf(matching);
        this.matchingIndexes = matchingIndexes;
        this.ruleCount = ruleCount;
        this.unmatched = unmatched;
        this.warnings = List.copyOf(warnings);
        this.rulesNeedingPe = List.copyOf(rulesNeedingPe);
        this.error = error;
    }

    /** A scan that stopped with {@code error}. */
    public static ScanResult failure(String error) {
        return new ScanResult(List.of(), new int[0], 0, r -> null, List.of(), List.of(), error);
    }

    public boolean failed() {
        return error != null;
    }

    public String error() {
        return error;
    }

    /** The rules that matched, in declaration order. */
    public List<RuleMatch> matching() {
        return matching;
    }

    /** Every non-private rule, matched or not, in declaration order. */
    public List<RuleMatch> rules() {
        List<RuleMatch> out = new ArrayList<>();
        int m = 0;
        for (int r = 0; r < ruleCount; r++) {
            if (m < matchingIndexes.length && matchingIndexes[m] == r) {
                out.add(matching.get(m++));
            } else {
                RuleMatch u = unmatched.apply(r);
                if (u != null) out.add(u);
            }
        }
        return out;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** On a PE file, the rules that read PE fields not implemented yet (evaluated with them undefined). */
    public List<String> rulesNeedingPe() {
        return rulesNeedingPe;
    }
}
