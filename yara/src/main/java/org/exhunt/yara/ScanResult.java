package org.exhunt.yara;

import java.util.List;

/**
 * What one scan found: every non-private rule in declaration order, matched or not (the order {@code yara}
 * reports them in), warnings worded as {@code yara} words them (a string hit the match cap), the rules
 * whose verdict may differ from YARA's because they read PE fields this engine does not parse yet (only on
 * PE files), and an error that stopped the scan (then no rule is reported, as with {@code yara}).
 */
public record ScanResult(List<RuleMatch> rules, List<String> warnings, List<String> rulesNeedingPe, String error) {

    /** A scan that stopped with {@code error}. */
    public static ScanResult failure(String error) {
        return new ScanResult(List.of(), List.of(), List.of(), error);
    }

    public boolean failed() {
        return error != null;
    }

    /** The rules that matched, in declaration order. */
    public List<RuleMatch> matching() {
        return rules.stream().filter(RuleMatch::matched).toList();
    }

    /** The rules that did not match, in declaration order. */
    public List<RuleMatch> notMatching() {
        return rules.stream().filter(m -> !m.matched()).toList();
    }
}
