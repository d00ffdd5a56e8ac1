package org.exhunt.hunt.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.exhunt.hunt.rules.RulePack;
import org.exhunt.kb.KnowledgeBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The build an update's installer name stands for. */
class UpdateNamesTest {

    private static final KnowledgeBase KB = RulePack.bundled().knowledgeBase();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Security Update for Exchange Server 2019 Cumulative Update 12 (KB5019758) 15.2.1118.20 | 15.2.1118.20
            Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871)               | 15.1.2176.9
            Security Update For Exchange Server 2016 CU22 (KB5019758)                               | 15.1.2375.37
            Security Update for Exchange Server 2013 Cumulative Update 23 (KB5000871)               | 15.0.1497.12
            Security Update for Exchange Server 2016 Cumulative Update 3 (KB4012178)                |
            Security Update for Microsoft .NET Framework 4.8 (KB5011048)                            |
            """)
    void namesAnUpdatesBuild(String name, String build) {
        assertThat(UpdateNames.build(name, KB).map(Object::toString).orElse(null)).isEqualTo(build);
    }
}
