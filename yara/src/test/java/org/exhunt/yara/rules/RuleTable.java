package org.exhunt.yara.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The vocabulary of the rule tables, after YARA's {@code tests/util.h}: {@link #assertTrueRule},
 * {@link #assertFalseRule}, {@link #assertError}, {@link #assertStrings}. A table class calls them in
 * groups ({@link #group}); the same cases then run through exhunt ({@code RuleTableTest}) and through
 * {@code yara} itself ({@code RuleTableYaraTest}), so every expectation is checked against YARA 4.2.3.
 */
public abstract class RuleTable {

    private final List<RuleCase> cases = new ArrayList<>();
    private String group = "";
    private List<String> defines = List.of();

    /** Fills the table. */
    protected abstract void define();

    public final List<RuleCase> cases() {
        if (cases.isEmpty()) define();
        return cases;
    }

    protected final void group(String name) {
        this.group = name;
        this.defines = List.of();
    }

    /** External variables ({@code name=value}, typed as {@code yara -d} types them) for the next cases. */
    protected final void defines(String... nameValues) {
        this.defines = List.of(nameValues);
    }

    protected static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The default data of YARA's table tests. */
    protected static final String TEXT = "The quick brown fox jumps over the lazy dog";

    protected final void assertTrueRule(String rule, String data) {
        assertTrueRule(rule, bytes(data));
    }

    protected final void assertTrueRule(String rule, byte[] data) {
        cases.add(new RuleCase(group, rule, data, RuleCase.Outcome.MATCH, null, List.of(), defines));
    }

    protected final void assertTrueRule(String rule) {
        assertTrueRule(rule, TEXT);
    }

    protected final void assertFalseRule(String rule, String data) {
        assertFalseRule(rule, bytes(data));
    }

    protected final void assertFalseRule(String rule, byte[] data) {
        cases.add(new RuleCase(group, rule, data, RuleCase.Outcome.NO_MATCH, null, List.of(), defines));
    }

    protected final void assertFalseRule(String rule) {
        assertFalseRule(rule, TEXT);
    }

    /** The rules do not compile; {@code code} is the {@link org.exhunt.yara.ErrorCode} exhunt gives. */
    protected final void assertError(String rule, String code) {
        cases.add(new RuleCase(group, rule, bytes(TEXT), RuleCase.Outcome.ERROR, code, List.of(), defines));
    }

    /** Rule {@code test} matches, and {@code yara -s} prints exactly these string lines. */
    protected final void assertStrings(String rule, String data, String... lines) {
        assertStrings(rule, bytes(data), lines);
    }

    protected final void assertStrings(String rule, byte[] data, String... lines) {
        cases.add(new RuleCase(group, rule, data, RuleCase.Outcome.STRINGS, null, List.of(lines), defines));
    }
}
