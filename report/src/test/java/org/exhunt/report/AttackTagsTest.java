package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttackTagsTest {

    private static final List<String> TAGS = List.of("attack.t1505.003", "attack.T1190", "attack.persistence",
            "attack.initial-access", "attack.ta0001", "attack.t15x", "attack.t", "cve.2021-26855", "CVE.2022-41040",
            "cve.2014-0160", "cve.2021-268", "cve.20x1-26855", "detection.emerging-threats", "attack.g0125");

    @Test
    void techniquesWithTheirSubTechniques() {
        assertThat(AttackTags.techniques(TAGS)).containsExactly(
                new AttackTags.Technique("T1505", "T1505.003"), new AttackTags.Technique("T1190", null));
    }

    @Test
    void tacticsByTheirSigmaNamesWithUnderscoresOrDashes() {
        assertThat(AttackTags.tactics(TAGS)).containsExactly(new AttackTags.Tactic("TA0003", "Persistence"),
                new AttackTags.Tactic("TA0001", "Initial Access"));
    }

    @Test
    void cveIdsInTheirUsualSpelling() {
        assertThat(AttackTags.cves(TAGS)).containsExactly("CVE-2021-26855", "CVE-2022-41040", "CVE-2014-0160");
    }
}
