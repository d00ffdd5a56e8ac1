package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A rule that cannot be loaded is reported with its file, the line of the problem, a stable code and why. */
class LoadProblemsTest {

    /** (rule text with '/' for line breaks, code, line, message part). */
    @ParameterizedTest(name = "{index}: {3}")
    @CsvSource(delimiterString = " ## ", quoteCharacter = '"', textBlock = """
            title: t/logsource: {product: test}/detection:/    sel:/        A|containz: x/    condition: sel ## sigma.modifier ## 5 ## unknown modifier 'containz'
            title: t/logsource: {product: test}/detection:/    sel:/        A: x/    condition: sel and other ## sigma.condition ## 6 ## condition names 'other', which the detection does not define
            title: t/logsource: {product: test}/detection:/    sel:/        A: x/    condition: 1 of filter* ## sigma.condition ## 6 ## 'filter*' names no search identifier
            title: t/logsource: {product: test}/detection:/    sel:/        A: x/    condition: sel and ## sigma.condition ## 6 ## expected a search identifier
            title: t/logsource: {product: test}/detection:/    sel:/        A|re: '(unclosed'/    condition: sel ## sigma.modifier ## 5 ## bad regular expression
            title: t/logsource: {product: test}/detection:/    sel:/        A|contains|re: x/    condition: sel ## sigma.modifier ## 5 ## 'contains' and 're' cannot be combined
            title: t/logsource: {product: test}/detection:/    sel:/        A|base64: 'a*b'/    condition: sel ## sigma.modifier ## 5 ## cannot encode a value with wildcards
            title: t/logsource: {product: test}/detection:/    sel:/        A|cidr: 'not-an-ip'/    condition: sel ## sigma.modifier ## 5 ## 'cidr' takes a network
            title: t/logsource: {product: test}/detection:/    sel:/        A|gt: abc/    condition: sel ## sigma.modifier ## 5 ## 'gt' takes a number
            title: t/logsource: {product: test}/detection:/    sel:/        A|exists: maybe/    condition: sel ## sigma.modifier ## 5 ## 'exists' takes true or false
            title: t/logsource: {product: test}/detection:/    sel:/        A|i: x/    condition: sel ## sigma.modifier ## 5 ## 'i' only follows 're'
            title: t/logsource: {product: test}/detection:/    sel:/        - A: x/        - b/    condition: sel ## sigma.rule ## 4 ## a list mixes maps and plain values
            title: t/logsource: {product: test}/detection:/    sel:/        A: x/ ## sigma.rule ## 3 ## the detection has no 'condition'
            logsource: {product: test}/detection:/    sel:/        A: x/    condition: sel ## sigma.rule ## 1 ## the rule has no 'title'
            title: t/detection:/    sel:/        A: x/    condition: sel ## sigma.rule ## 1 ## the rule has no 'logsource'
            title: t/level: severe/logsource: {product: test}/detection:/    sel:/        A: x/    condition: sel ## sigma.rule ## 2 ## unknown level 'severe'
            title: t/logsource: {product: test}/detection:/    sel:/        A: x/        A: y/    condition: sel ## sigma.yaml ## 6 ## duplicate key 'A'
            title: t/logsource: {product: test}/detection:/    sel: [unclosed/    condition: sel ## sigma.yaml ## 5 ## not valid YAML
            title: t/logsource: {product: test}/detection:/    sel:/        A: [[x]]/    condition: sel ## sigma.rule ## 5 ## a value list holds plain values only
            title: t/logsource: {product: test}/detection:/    sel:/        A: x/    condition: sel | count() > 5 ## sigma.condition ## 6 ## aggregation expressions
            """)
    void isReportedWithLineAndReason(String rule, String code, int line, String message) {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, rule.replace("/", "\n"));
        assertThat(rules.loaded()).isEmpty();
        Diagnostic d = rules.problems().get(0);
        assertThat(d.isError()).isTrue();
        assertThat(d.code()).isEqualTo(code);
        assertThat(d.where().file()).isEqualTo("rule0.yml");
        assertThat(d.where().line()).isEqualTo(line);
        assertThat(d.message()).contains(message);
    }

    @Test
    void theOtherRulesOfAFileStillLoad() {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, """
                title: good one
                logsource: {product: test}
                detection: {sel: {A: x}, condition: sel}
                ---
                title: bad one
                logsource: {product: test}
                detection: {sel: {A|nope: x}, condition: sel}
                ---
                title: good two
                logsource: {product: test}
                detection: {sel: {A: y}, condition: sel}
                """);
        assertThat(rules.loaded()).extracting(r -> r.title()).containsExactly("good one", "good two");
        assertThat(rules.problems()).singleElement().satisfies(d -> assertThat(d.where().line()).isEqualTo(7));
    }

    @Test
    void aRuleWithoutPlaceholderValuesIsInactiveAndNamedAsSuch() {
        String rule = """
                title: admin logon
                id: p-1
                logsource: {product: test}
                detection:
                    sel:
                        User|expand: '%Administrators%'
                    condition: sel
                """;
        SigmaRules none = Fixtures.rules(RuleAssert.TEST_MAPPING, rule);
        assertThat(none.problems()).isEmpty();
        assertThat(none.loaded()).isEmpty();
        assertThat(none.inactive()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("no values for placeholder %Administrators%"));
        assertThat(none.scanner().scan(RuleAssert.record("User=%Administrators%"))).isEmpty();

        SigmaLoader loader = new SigmaLoader(RuleAssert.TEST_MAPPING, Placeholders.of(Map.of("Administrators", List.of("adm-*", "root"))));
        loader.load("r.yml", rule);
        SigmaRules some = loader.build();
        assertThat(some.inactive()).isEmpty();
        assertThat(some.scanner().scan(RuleAssert.record("User=ADM-alice"))).hasSize(1);
        assertThat(some.scanner().scan(RuleAssert.record("User=root"))).hasSize(1);
        assertThat(some.scanner().scan(RuleAssert.record("User=alice"))).isEmpty();
    }

    @Test
    void aPlaceholderFileIsReadWithPositionedProblems() throws Exception {
        Placeholders p = Placeholders.parse("p.yml", "Servers: ['srv*', 'exch01']\nAdmins: root\n");
        assertThat(p.values("Servers")).containsExactly("srv*", "exch01");
        assertThat(p.values("Admins")).containsExactly("root");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Placeholders.parse("p.yml", "A: x\nB: {c: d}\n"))
                .hasMessageContaining("placeholder 'B'");
    }
}
