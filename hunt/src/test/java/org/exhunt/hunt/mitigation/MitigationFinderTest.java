package org.exhunt.hunt.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.TestDrive;
import org.exhunt.hunt.exposure.ExposureScan;
import org.exhunt.hunt.exposure.ServerExposure;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mitigation detection on IIS configuration written from the rule contents of EXCHANGE.md §e (see the fixtures' README). */
class MitigationFinderTest {

    static final KnowledgeBase KB = RulePack.bundled().knowledgeBase();
    private static final String APP_HOST = "C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config";

    @TempDir
    Path dir;

    private final List<Diagnostic> problems = new ArrayList<>();

    /** A vulnerable 2016 CU19 server with the given IIS configuration files. */
    private ServerExposure server(String... fileAndFixture) throws Exception {
        TestDrive drive = new TestDrive(dir).exSetup(15, 1, 2176, 2);
        for (int i = 0; i < fileAndFixture.length; i += 2) drive.resource(fileAndFixture[i], getClass(), fileAndFixture[i + 1]);
        List<EvidenceFile> files = new ArrayList<>();
        new DirectorySource(dir).walk(files::add, problems::add);
        ExposureScan scan = new ExposureScan(KB, "Program Files/Microsoft/Exchange Server/V15");
        files.forEach(f -> scan.examine(f, problems::add));
        return scan.result();
    }

    @Test
    void bothEomtRulesOnTheDefaultWebSiteMitigateProxyLogon() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "eomt-applicationHost.config");

        assertThat(e.mitigations().presentRuleIds()).containsExactlyInAnyOrder("eomt-anonresource-backend", "eomt-beresource");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.MITIGATED);
        assertThat(e.assessment().row("ProxyLogon").reason()).startsWith("vulnerable build, but EOMT rules block CVE-2021-26855");
        assertThat(e.assessment().row("ProxyShell").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.notes()).contains(
                "Mitigation: EOMT rule 'X-AnonResource-Backend Abort - inbound' (blocks CVE-2021-26855) at " + APP_HOST + ":12, on Default Web Site",
                "Mitigation: EOMT rule 'X-BEResource Abort - inbound' (blocks CVE-2021-26855) at " + APP_HOST + ":19, on Default Web Site");
        assertThat(problems).isEmpty();
    }

    @Test
    void extendedProtectionIsReportedAsInformationFromTheVirtualDirectories() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "eomt-applicationHost.config");
        assertThat(e.mitigations().extendedProtection()).isEqualTo("Extended Protection (CVE-2024-21410 depends on it): partly on"
                + " (Require on 2 of 3 locations; not on Exchange Back End/EWS=None)");
        assertThat(e.assessment().rows()).extracting(r -> r.row()).doesNotContain("CVE-2024-21410");
    }

    @Test
    void eomtv2InTheSitesWebConfigBlocksProxyNotShellsAutodiscoverPathButNotOwassrf() throws Exception {
        ServerExposure e = server(TestDrive.SITE_WEB_CONFIG, "eomtv2-web.config");

        assertThat(e.mitigations().presentRuleIds()).containsExactly("eomtv2-powershell");
        assertThat(e.assessment().row("ProxyNotShell").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.assessment().row("ProxyNotShell").reason()).endsWith("; EOMTv2 rules block CVE-2022-41040 but not CVE-2022-41080");
        assertThat(e.notes()).contains("Mitigation: EOMTv2 rule 'PowerShell - inbound' (blocks CVE-2022-41040) at"
                + " C:\\inetpub\\wwwroot\\web.config:6, on Default Web Site");
        assertThat(e.mitigations().extendedProtection()).endsWith("not visible (no applicationHost.config in the evidence)");
    }

    @Test
    void rulesThatMatchInContentButNotInEffectAreNamedWithTheReason() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "not-counted-applicationHost.config");

        assertThat(e.mitigations().presentRuleIds()).isEmpty();
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.notes()).contains(
                "Found EOMT rule 'X-AnonResource-Backend Abort - inbound' (blocks CVE-2021-26855) at " + APP_HOST + ":7, not counted: the rule is disabled",
                "Found EOMT rule 'X-BEResource custom response' (blocks CVE-2021-26855) at " + APP_HOST + ":14, not counted: its action is 'CustomResponse', not AbortRequest",
                "Found superseded rule 'ProxyNotShell first guidance' (blocks CVE-2022-41040) at " + APP_HOST + ":21: the first URL-rewrite rule"
                        + " Microsoft published for ProxyNotShell (2022-09); bypassed and replaced by EOMTv2's rule; not counted as a mitigation",
                "Found EOMTv2 rule 'PowerShell - inbound, ECP only' (blocks CVE-2022-41040) at " + APP_HOST + ":28, not counted: its match url '^ecp/.*' limits it to some URLs",
                "Found EOMT rule 'X-BEResource Abort - inbound' (blocks CVE-2021-26855) at " + APP_HOST + ":43, not counted: it applies to"
                        + " Default Web Site/owa only, not the whole Default Web Site");
    }

    @Test
    void serverWideGlobalRulesCount() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "global-applicationHost.config");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.MITIGATED);
        assertThat(e.notes()).anySatisfy(n -> assertThat(n).endsWith(":6, on the whole server"));
        assertThat(e.mitigations().extendedProtection()).endsWith("off (applicationHost.config sets no tokenChecking for any location)");
    }

    @Test
    void aDamagedFileIsReportedWithItsLineAndWhatWasReadBeforeCounts() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "damaged-applicationHost.config");

        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("iis.config-malformed");
            assertThat(d.isError()).isTrue();
            assertThat(d.where().line()).isEqualTo(15);
            assertThat(d.message()).startsWith(APP_HOST + " is not well-formed XML from line 15, column ")
                    .endsWith("rules after that point were not read");
        });
        assertThat(e.mitigations().presentRuleIds()).containsExactly("eomt-anonresource-backend");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);
    }

    @Test
    void entitiesAreNeverExpandedNorFetched() throws Exception {
        long started = System.nanoTime();
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "entities-applicationHost.config");

        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(e.notes()).noneMatch(n -> n.contains("aaaa") || n.contains("root:"));
        assertThat(problems).allSatisfy(d -> assertThat(d.code()).isEqualTo("iis.config-malformed"));
    }
}
