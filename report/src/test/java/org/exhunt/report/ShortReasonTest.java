package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortReasonTest {

    private static final String SUCCESS = "fixed by CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02); 5 signs of success"
            + " from 167.99.168.251, first: ProxyLogon Script Written Into a Virtual Directory URL (CVE-2021-27065) at"
            + " 2021-03-03T05:52:16.830Z; ProxyLogon CVE-2021-27065: OAB virtual-directory settings written to disk";

    @Test
    void aReasonThatFitsIsShownWhole() {
        assertThat(ShortReason.of("build 15.1.2375.7 has the fixes (KB5000871)", 160))
                .isEqualTo("build 15.1.2375.7 has the fixes (KB5000871)");
        assertThat(ShortReason.isWhole("short", 160)).isTrue();
    }

    @Test
    void aLongReasonLosesItsParticularsFirstThenEndsAtAWordWithAnEllipsis() {
        String brief = ShortReason.of(SUCCESS, 160);
        assertThat(brief).hasSizeLessThanOrEqualTo(160).startsWith("fixed by CU19 Mar21SU; 5 signs of success from 167.99.168.251")
                .doesNotContain("KB5000871").endsWith(" …");
        assertThat(brief.substring(0, brief.length() - 2)).isEqualTo(brief.substring(0, brief.length() - 2).strip());
        assertThat(ShortReason.isWhole(SUCCESS, 160)).isFalse();
    }

    @Test
    void unbalancedOrHugeParenthesesFromEvidenceStayAndCostLittle() {
        assertThat(ShortReason.withoutParentheses("cmd (a (b) c")).isEqualTo("cmd (a c");
        assertThat(ShortReason.withoutParentheses("x (" + "y".repeat(400) + ")")).endsWith(")");
        String hostile = "(".repeat(100_000);
        assertThat(ShortReason.of(hostile, 160)).hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void oneLongTokenIsCutInside() {
        assertThat(ShortReason.of("C:\\" + "a".repeat(300), 160)).hasSize(160).endsWith(" …");
    }

    @Test
    void invisibleCharactersStayVisible() {
        assertThat(ShortReason.of("shell \u202ecod.aspx", 160)).isEqualTo("shell \\u202ecod.aspx");
    }
}
