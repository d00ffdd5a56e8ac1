package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.TestDrive;
import org.exhunt.hunt.build.BuildSource;
import org.exhunt.hunt.layout.ExchangeLayout;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.logs.coverage.LogCoverage;
import org.exhunt.testkit.pe.PeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureScanTest {

    static final KnowledgeBase KB = RulePack.bundled().knowledgeBase();

    @TempDir
    Path dir;

    private final List<Diagnostic> problems = new ArrayList<>();

    private ServerExposure scan(TestDrive drive, LogCoverage... logs) {
        List<EvidenceFile> files = new ArrayList<>();
        new DirectorySource(drive.root()).walk(files::add, problems::add);
        ExchangeLayout layout = ExchangeLayout.discover(files.stream().map(EvidenceFile::drivePath).toList());
        ExposureScan scan = new ExposureScan(KB, layout.installPath().orElse(null));
        files.forEach(f -> scan.examine(f, problems::add));
        scan.builds().logs(List.of(logs));
        return scan.result();
    }

    @Test
    void theExSetupFileVersionGivesTheBuildAndTheRows() throws Exception {
        ServerExposure e = scan(new TestDrive(dir).exSetup(15, 1, 2176, 2).owaFolder("15.1.2176"));

        assertThat(e.build().chosen().orElseThrow().source()).isEqualTo(BuildSource.EXSETUP);
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.assessment().row("CVE-2020-0688").exposure()).isEqualTo(Exposure.PATCHED);
        assertThat(e.notes()).contains(
                "Build 15.1.2176.2: Exchange Server 2016 CU19, released 2020-12-15 (KB4588884); from the ExSetup.exe file"
                        + " version of C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\ExSetup.exe",
                "OWA version folders: 15.1.2176 (the build's CU)",
                "Exchange Server 2016: support ended 2025-10-14: later updates are for Extended Security Update customers only",
                "Update path: CU23 (15.1.2507.6, KB5011155, 2022-04-20), then CU23 Aug26SU (15.1.2507.72, KB5121576, 2026-08-11)",
                "Extended Protection (CVE-2024-21410 depends on it): not visible (no applicationHost.config in the evidence)");
        assertThat(problems).isEmpty();
    }

    @Test
    void aNewerOwaFolderThanExSetupIsShownAsADisagreementAndOlderOnesAsHistory() throws Exception {
        ServerExposure e = scan(new TestDrive(dir).exSetup(15, 1, 2176, 2).owaFolder("15.1.2106").owaFolder("15.1.2242"));

        assertThat(e.build().chosen().orElseThrow().build()).hasToString("15.1.2176.2");
        assertThat(e.notes()).contains("Disagreement: the OWA version folder of C:\\Program Files\\Microsoft\\Exchange Server\\V15"
                + "\\FrontEnd\\HttpProxy\\owa\\auth\\15.1.2242 says 15.1.2242 (Exchange Server 2016 CU20 (update level unknown))");
        assertThat(e.notes()).contains("OWA version folders: 15.1.2106 (an earlier CU's, left behind by an update),"
                + " 15.1.2242 (a later CU's)");
    }

    @Test
    void withoutExSetupTheNewestOwaFolderGivesTheCuAndTheSuLevelStaysUnknown() throws Exception {
        ServerExposure e = scan(new TestDrive(dir).owaFolder("15.1.2106").owaFolder("15.1.2176").owaFolder("Current"));

        assertThat(e.build().chosen().orElseThrow().build()).hasToString("15.1.2176");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.UNKNOWN);
        assertThat(e.assessment().row("ProxyLogon").reason()).isEqualTo("update level unknown: fixed from CU19 Mar21SU (15.1.2176.9) on");
        assertThat(e.assessment().row("ProxyNotShell").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.build().chosen().orElseThrow().from()).isNotNull();
        assertThat(e.notes().get(0)).isEqualTo("Build 15.1.2176: Exchange Server 2016 CU19 (update level unknown); from the OWA"
                + " version folder of C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\15.1.2176");
    }

    @Test
    void aTruncatedExSetupIsReportedWithItsOffsetAndTheFolderTakesOver() throws Exception {
        byte[] cut = Arrays.copyOf(PeImage.exSetup(15, 1, 2176, 2).bytes(), 300);
        ServerExposure e = scan(new TestDrive(dir).write(TestDrive.INSTALL + "Bin/ExSetup.exe", cut).owaFolder("15.1.2176"));

        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("pe.truncated");
            assertThat(d.where().file()).endsWith("ExSetup.exe");
            assertThat(d.where().offset()).isBetween(0L, 300L);
            assertThat(d.message()).startsWith("ExSetup.exe version not read: ");
        });
        assertThat(e.build().chosen().orElseThrow().source()).isEqualTo(BuildSource.OWA_FOLDER);
    }

    @Test
    void aTextFileNamedExSetupIsNotAPeFile() throws Exception {
        scan(new TestDrive(dir).write(TestDrive.INSTALL + "Bin/ExSetup.exe", "#!/bin/sh\necho 15.1.2507.72\n"));
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("pe.not-pe");
            assertThat(d.message()).isEqualTo("ExSetup.exe version not read: not a PE file: no MZ signature");
        });
    }

    @Test
    void buildsTheLogsShowAreUsedWithoutExSetupAndShownWhenTheyDisagree() throws Exception {
        LogCoverage httpProxy = new LogCoverage("exchange-httpproxy", 3, 900, 0, Instant.parse("2021-02-01T00:00:00Z"),
                Instant.parse("2021-03-05T01:00:00Z"), List.of(
                        new LogCoverage.BuildSeen("15.1.2176.2", Instant.parse("2021-02-01T00:00:00Z"), Instant.parse("2021-03-04T23:00:00Z")),
                        new LogCoverage.BuildSeen("15.1.2176.9", Instant.parse("2021-03-05T00:00:00Z"), Instant.parse("2021-03-05T01:00:00Z"))));

        ServerExposure fromLogs = scan(new TestDrive(dir).owaFolder("15.1.2176"), httpProxy);
        assertThat(fromLogs.build().chosen().orElseThrow().build()).hasToString("15.1.2176.9");
        assertThat(fromLogs.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.PATCHED);
        assertThat(fromLogs.notes().get(0)).isEqualTo("Build 15.1.2176.9: Exchange Server 2016 CU19 Mar21SU, released"
                + " 2021-03-02 (KB5000871); from the exchange-httpproxy logs from 2021-03-05T00:00:00Z to 2021-03-05T01:00:00Z");
        assertThat(fromLogs.build().fromLogsAt(Instant.parse("2021-02-01T00:00:00Z")).orElseThrow().build()).hasToString("15.1.2176.2");

        ServerExposure both = scan(new TestDrive(dir).exSetup(15, 1, 2176, 14), httpProxy);
        assertThat(both.build().chosen().orElseThrow().source()).isEqualTo(BuildSource.EXSETUP);
        assertThat(both.notes()).contains("Disagreement: the exchange-httpproxy logs from 2021-03-05T00:00:00Z to"
                + " 2021-03-05T01:00:00Z says 15.1.2176.9 (Exchange Server 2016 CU19 Mar21SU, released 2021-03-02 (KB5000871))");
    }

    @Test
    void withoutExchangeEveryRowIsUnknownAndSaysWhy() throws Exception {
        ServerExposure e = scan(new TestDrive(dir).write("inetpub/wwwroot/iisstart.htm", "<html/>"));
        assertThat(e.assessment().rows()).allSatisfy(r -> {
            assertThat(r.exposure()).isEqualTo(Exposure.UNKNOWN);
            assertThat(r.reason()).isEqualTo("build not found: no Exchange install in the evidence");
        });
        assertThat(e.notes().get(0)).isEqualTo("Build: no Exchange install in the evidence; exposure is UNKNOWN");
    }
}
