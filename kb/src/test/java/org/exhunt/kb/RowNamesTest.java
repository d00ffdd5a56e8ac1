package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.exhunt.core.Rows;
import org.junit.jupiter.api.Test;

/** The chain rows the knowledge base assesses (rules/kb/rows.csv) are the ones core names, in report order. */
class RowNamesTest {

    @Test
    void theKnowledgeBasesRowsAreCoresNames() {
        assertThat(TestKb.KB.rows()).extracting(Row::name).containsExactly(Rows.PROXYLOGON, Rows.PROXYSHELL,
                Rows.PROXYNOTSHELL, Rows.CVE_2020_0688, Rows.CVE_2021_42321, Rows.CVE_2021_33766, Rows.CVE_2021_31196);
    }
}
