package org.exhunt.yara.rules;

import java.util.List;

/**
 * One line of the rule table: a rule set (its rule to watch is named {@code test} unless {@code expectedRules}
 * says otherwise), the data to scan, and what YARA 4.2.3 does: the rule matches, does not, fails to compile
 * (with one of our {@link org.exhunt.yara.ErrorCode} names), or matches with exactly these {@code -s} lines.
 * {@code defines} are external variables as {@code yara -d} takes them ({@code name=value}).
 */
public record RuleCase(String group, String rules, byte[] data, Outcome outcome, String errorCode, List<String> strings,
        List<String> defines) {

    public enum Outcome { MATCH, NO_MATCH, ERROR, STRINGS }

    /** A short label for test reports. */
    public String label() {
        String r = rules.replace('\n', ' ');
        return (r.length() > 110 ? r.substring(0, 110) + "…" : r) + " ⇒ " + outcome
                + (errorCode != null ? " " + errorCode : "");
    }
}
