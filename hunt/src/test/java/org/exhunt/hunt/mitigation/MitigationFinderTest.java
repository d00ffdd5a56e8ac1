package org.exhunt.hunt.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.exhunt.core.facts.MitigationFound.Status.NOT_COUNTED;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.core.facts.ExtendedProtection;
import org.exhunt.core.facts.MitigationFound;
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

        assertThat(MitigationFinder.counted(e.mitigations())).containsExactlyInAnyOrder("eomt-anonresource-backend", "eomt-beresource");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.MITIGATED);
        assertThat(e.assessment().row("ProxyLogon").reason()).startsWith("vulnerable build, but EOMT rules block CVE-2021-26855");
        assertThat(e.assessment().row("ProxyShell").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.mitigations().found()).containsExactly(
                new MitigationFound("eomt-anonresource-backend", "EOMT", "CVE-2021-26855", "X-AnonResource-Backend Abort - inbound",
                        APP_HOST + ":12", "Default Web Site", MitigationFound.Status.COUNTED, null),
                new MitigationFound("eomt-beresource", "EOMT", "CVE-2021-26855", "X-BEResource Abort - inbound",
                        APP_HOST + ":19", "Default Web Site", MitigationFound.Status.COUNTED, null));
        assertThat(problems).isEmpty();
    }

    @Test
    void extendedProtectionIsReportedAsInformationFromTheVirtualDirectories() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "eomt-applicationHost.config");
        assertThat(e.extendedProtection().state()).isEqualTo(ExtendedProtection.State.PARTLY_ON);
        assertThat(e.extendedProtection().settings()).extracting(s -> s.location() + "=" + s.tokenChecking())
                .contains("Exchange Back End/EWS=None").hasSize(3).filteredOn(s -> s.endsWith("=Require")).hasSize(2);
        assertThat(e.assessment().rows()).extracting(r -> r.row()).doesNotContain("CVE-2024-21410");
    }

    @Test
    void eomtv2InTheSitesWebConfigBlocksProxyNotShellsAutodiscoverPathButNotOwassrf() throws Exception {
        ServerExposure e = server(TestDrive.SITE_WEB_CONFIG, "eomtv2-web.config");

        assertThat(MitigationFinder.counted(e.mitigations())).containsExactly("eomtv2-powershell");
        assertThat(e.assessment().row("ProxyNotShell").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.assessment().row("ProxyNotShell").reason()).endsWith("; EOMTv2 rules block CVE-2022-41040 but not CVE-2022-41080");
        assertThat(e.mitigations().found()).singleElement().satisfies(m -> {
            assertThat(m.where()).isEqualTo("C:\\inetpub\\wwwroot\\web.config:6");
            assertThat(m.scope()).isEqualTo("Default Web Site");
            assertThat(m.status()).isEqualTo(MitigationFound.Status.COUNTED);
        });
        assertThat(e.mitigations().applicationHostRead()).isFalse();
        assertThat(e.extendedProtection().state()).isEqualTo(ExtendedProtection.State.NOT_VISIBLE);
    }

    @Test
    void rulesThatMatchInContentButNotInEffectAreNamedWithTheReason() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "not-counted-applicationHost.config");

        assertThat(MitigationFinder.counted(e.mitigations())).isEmpty();
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.mitigations().found()).extracting(MitigationFound::rule, MitigationFound::where, MitigationFound::status,
                MitigationFound::why).containsExactly(
                tuple("X-AnonResource-Backend Abort - inbound", APP_HOST + ":7", NOT_COUNTED, "the rule is disabled"),
                tuple("X-BEResource custom response", APP_HOST + ":14", NOT_COUNTED, "its action is 'CustomResponse', not AbortRequest"),
                tuple("ProxyNotShell first guidance", APP_HOST + ":21", MitigationFound.Status.SUPERSEDED, "the first URL-rewrite rule"
                        + " Microsoft published for ProxyNotShell (2022-09); bypassed and replaced by EOMTv2's rule"),
                tuple("PowerShell - inbound, ECP only", APP_HOST + ":28", NOT_COUNTED, "its match url '^ecp/.*' limits it to some URLs"),
                tuple("X-BEResource Abort - inbound", APP_HOST + ":43", NOT_COUNTED,
                        "it applies to Default Web Site/owa only, not the whole Default Web Site"));
    }

    @Test
    void serverWideGlobalRulesCount() throws Exception {
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "global-applicationHost.config");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.MITIGATED);
        assertThat(e.mitigations().found()).anySatisfy(m -> {
            assertThat(m.where()).endsWith(":6");
            assertThat(m.scope()).isEqualTo("server");
            assertThat(m.status()).isEqualTo(MitigationFound.Status.COUNTED);
        });
        assertThat(e.extendedProtection()).isEqualTo(new ExtendedProtection(ExtendedProtection.State.OFF, List.of()));
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
        assertThat(MitigationFinder.counted(e.mitigations())).containsExactly("eomt-anonresource-backend");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);
    }

    @Test
    void entitiesAreNeverExpandedNorFetched() throws Exception {
        long started = System.nanoTime();
        ServerExposure e = server(TestDrive.APPLICATION_HOST, "entities-applicationHost.config");

        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(e.mitigations().found().toString() + e.extendedProtection()).doesNotContain("aaaa", "root:");
        assertThat(problems).allSatisfy(d -> assertThat(d.code()).isEqualTo("iis.config-malformed"));
    }
}
