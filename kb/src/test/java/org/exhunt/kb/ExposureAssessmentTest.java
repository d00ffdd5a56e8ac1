package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.exhunt.core.Exposure;
import org.junit.jupiter.api.Test;

class ExposureAssessmentTest {

    private static ExposureAssessment withRules(String build, String... ruleIds) {
        return ExposureAssessment.of(TestKb.KB, TestKb.assess(build), Set.of(ruleIds));
    }

    @Test
    void bothEomtRulesMitigateProxyLogonOnAVulnerableBuild() {
        RowExposure r = withRules("15.1.2176.2", "eomt-anonresource-backend", "eomt-beresource").row("ProxyLogon");
        assertThat(r.exposure()).isEqualTo(Exposure.MITIGATED);
        assertThat(r.reason()).isEqualTo("vulnerable build, but EOMT rules block CVE-2021-26855, where the chain starts"
                + " (fixed by CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02))");
        assertThat(r.fixedBy().number()).hasToString("15.1.2176.9");
    }

    @Test
    void oneEomtRuleAloneIsNotTheMitigation() {
        assertThat(withRules("15.1.2176.2", "eomt-beresource").row("ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);
    }

    @Test
    void eomtDoesNotHelpExchange2010WhereOnlyTheUnifiedMessagingFlawApplies() {
        RowExposure r = withRules("14.3.509.0", "eomt-anonresource-backend", "eomt-beresource").row("ProxyLogon");
        assertThat(r.exposure()).isEqualTo(Exposure.VULNERABLE);
    }

    @Test
    void eomtv2LeavesProxyNotShellVulnerableBecauseOwassrfGoesAroundIt() {
        RowExposure r = withRules("15.1.2375.32", "eomtv2-powershell").row("ProxyNotShell");
        assertThat(r.exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(r.reason()).isEqualTo("fixed by CU22 Nov22SU (15.1.2375.37, KB5019758, 2022-11-08);"
                + " EOMTv2 rules block CVE-2022-41040 but not CVE-2022-41080");
    }

    @Test
    void theBypassedFirstProxyNotShellRuleMitigatesNothing() {
        assertThat(withRules("15.1.2375.32", "proxynotshell-first-rule").row("ProxyNotShell").reason())
                .isEqualTo("fixed by CU22 Nov22SU (15.1.2375.37, KB5019758, 2022-11-08)");
    }

    @Test
    void mitigationsLeavePatchedRowsAlone() {
        ExposureAssessment e = withRules("15.1.2507.72", "eomt-anonresource-backend", "eomt-beresource", "eomtv2-powershell");
        assertThat(e.rows()).allSatisfy(r -> assertThat(r.exposure()).isEqualTo(Exposure.PATCHED));
        assertThat(e.rows()).isEqualTo(TestKb.assess("15.1.2507.72").rows());
    }

    @Test
    void withoutABuildEveryRowIsUnknownWithTheReason() {
        ExposureAssessment e = ExposureAssessment.withoutBuild(TestKb.KB, "no ExSetup.exe");
        assertThat(e.build()).isEmpty();
        assertThat(e.rows()).hasSize(7).allSatisfy(r -> {
            assertThat(r.exposure()).isEqualTo(Exposure.UNKNOWN);
            assertThat(r.reason()).isEqualTo("no ExSetup.exe");
        });
    }
}
