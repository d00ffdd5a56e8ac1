package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Filter documents: rule AND NOT filter, for the rules they name (the specification's example, adapted). */
class FiltersTest {

    private static final String RULE = """
            title: Data Compressed - rar.exe
            id: 6f3e2987-db24-4c78-a860-b4f4095a7095
            name: rar_compression
            logsource: {product: test}
            detection:
                selection:
                    Image|endswith: '\\rar.exe'
                condition: selection
            """;

    private static final String FILTER = """
            title: Filter Administrator account
            description: The valid administrator account start with adm_
            logsource: {product: test}
            filter:
                rules:
                    - 6f3e2987-db24-4c78-a860-b4f4095a7095 # Data Compressed - rar.exe
                    - df0841c0-9846-4e9f-ad8a-7df91571771b # Login on jump host
                selection:
                    User|startswith: 'adm_'
                condition: selection
            """;

    @Test
    void aFilteredRuleFiresOnlyWhereTheFilterDoesNotHold() {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, RULE, FILTER);
        assertThat(rules.scanner().scan(RuleAssert.record("Image=C:\\rar.exe", "User=alice"))).hasSize(1);
        assertThat(rules.scanner().scan(RuleAssert.record("Image=C:\\rar.exe", "User=ADM_alice"))).isEmpty();
        assertThat(rules.filters()).singleElement().satisfies(f -> assertThat(f.rules()).extracting(r -> r.title())
                .containsExactly("Data Compressed - rar.exe"));
        assertThat(rules.problems()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.message()).contains("names df0841c0-9846-4e9f-ad8a-7df91571771b, which is no loaded rule");
        });
    }

    @Test
    void filtersNameRulesByNameToo() {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, RULE, FILTER.replace("- 6f3e2987-db24-4c78-a860-b4f4095a7095", "- rar_compression"));
        assertThat(rules.scanner().scan(RuleAssert.record("Image=C:\\rar.exe", "User=adm_x"))).isEmpty();
    }

    @Test
    void aFilterForAnotherLogSourceIsNotApplied() {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, RULE, FILTER.replace("logsource: {product: test}", "logsource: {product: linux}"));
        assertThat(rules.scanner().scan(RuleAssert.record("Image=C:\\rar.exe", "User=adm_x"))).hasSize(1);
        assertThat(rules.problems()).anySatisfy(d -> assertThat(d.message()).contains("is for product:linux"));
    }

    @Test
    void aBrokenFilterIsReportedWithItsLine() {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, RULE, FILTER.replace("User|startswith", "User|startswiht"));
        assertThat(rules.problems()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.where().line()).isEqualTo(9);
        });
        assertThat(rules.scanner().scan(RuleAssert.record("Image=C:\\rar.exe", "User=adm_x"))).hasSize(1);
    }
}
