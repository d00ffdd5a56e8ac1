package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.ExtendedProtection;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.OwaFolder;
import org.exhunt.core.facts.Support;
import org.exhunt.core.facts.UpdatePath;
import org.exhunt.core.facts.UpdateStep;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.TestDrive;
import org.exhunt.hunt.layout.ExchangeLayout;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.testkit.pe.PeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureScanTest {

    static final KnowledgeBase KB = RulePack.bundled().knowledgeBase();
    static final String INSTALL = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\";

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
        BuildFacts b = e.buildFacts();
        assertThat(b.chosen()).isEqualTo(new BuildSighting("15.1.2176.2", "Exchange Server 2016 CU19, released 2020-12-15"
                + " (KB4588884)", BuildSource.EXSETUP, INSTALL + "Bin\\ExSetup.exe", null, null));
        assertThat(b.owaFolders()).extracting(OwaFolder::build, OwaFolder::relation)
                .containsExactly(tuple("15.1.2176", OwaFolder.Relation.SAME_CU));
        assertThat(b.support()).isEqualTo(new Support("Exchange Server 2016", LocalDate.of(2025, 10, 14),
                "later updates are for Extended Security Update customers only"));
        assertThat(b.updatePath()).isEqualTo(new UpdatePath(false, List.of(
                new UpdateStep("CU23", "15.1.2507.6", "KB5011155", "2022-04-20"),
                new UpdateStep("CU23 Aug26SU", "15.1.2507.72", "KB5121576", "2026-08-11"))));
        assertThat(e.extendedProtection().state()).isEqualTo(ExtendedProtection.State.NOT_VISIBLE);
        assertThat(problems).isEmpty();
    }

    @Test
    void aNewerOwaFolderThanExSetupIsShownAsADisagreementAndOlderOnesAsHistory() throws Exception {
        ServerExposure e = scan(new TestDrive(dir).exSetup(15, 1, 2176, 2).owaFolder("15.1.2106").owaFolder("15.1.2242"));

        assertThat(e.build().chosen().orElseThrow().build()).hasToString("15.1.2176.2");
        assertThat(e.buildFacts().disagreements()).singleElement().isEqualTo(new BuildSighting("15.1.2242",
                "Exchange Server 2016 CU20 (update level unknown)", BuildSource.OWA_FOLDER,
                INSTALL + "FrontEnd\\HttpProxy\\owa\\auth\\15.1.2242", e.buildFacts().disagreements().get(0).from(), null));
        assertThat(e.buildFacts().owaFolders()).extracting(OwaFolder::build, OwaFolder::relation).containsExactly(
                tuple("15.1.2106", OwaFolder.Relation.EARLIER_CU), tuple("15.1.2242", OwaFolder.Relation.LATER_CU));
    }

    @Test
    void withoutExSetupTheNewestOwaFolderGivesTheCuAndTheSuLevelStaysUnknown() throws Exception {
        ServerExposure e = scan(new TestDrive(dir).owaFolder("15.1.2106").owaFolder("15.1.2176").owaFolder("Current"));

        assertThat(e.build().chosen().orElseThrow().build()).hasToString("15.1.2176");
        assertThat(e.assessment().row("ProxyLogon").exposure()).isEqualTo(Exposure.UNKNOWN);
        assertThat(e.assessment().row("ProxyLogon").reason()).isEqualTo("update level unknown: fixed from CU19 Mar21SU (15.1.2176.9) on");
        assertThat(e.assessment().row("ProxyNotShell").exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(e.build().chosen().orElseThrow().from()).isNotNull();
        assertThat(e.buildFacts().chosen()).extracting(BuildSighting::build, BuildSighting::name, BuildSighting::source,
                BuildSighting::path).containsExactly("15.1.2176", "Exchange Server 2016 CU19 (update level unknown)",
                BuildSource.OWA_FOLDER, INSTALL + "FrontEnd\\HttpProxy\\owa\\auth\\15.1.2176");
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
        BuildSighting afterUpdate = new BuildSighting("15.1.2176.9", "Exchange Server 2016 CU19 Mar21SU, released 2021-03-02"
                + " (KB5000871)", BuildSource.LOGS, "exchange-httpproxy logs", Instant.parse("2021-03-05T00:00:00Z"),
                Instant.parse("2021-03-05T01:00:00Z"));
        assertThat(fromLogs.buildFacts().chosen()).isEqualTo(afterUpdate);
        assertThat(fromLogs.build().fromLogsAt(Instant.parse("2021-02-01T00:00:00Z")).orElseThrow().build()).hasToString("15.1.2176.2");

        ServerExposure both = scan(new TestDrive(dir).exSetup(15, 1, 2176, 14), httpProxy);
        assertThat(both.build().chosen().orElseThrow().source()).isEqualTo(BuildSource.EXSETUP);
        assertThat(both.buildFacts().disagreements()).containsExactly(afterUpdate);
    }

    @Test
    void withoutExchangeEveryRowIsUnknownAndSaysWhy() throws Exception {
        ServerExposure e = scan(new TestDrive(dir).write("inetpub/wwwroot/iisstart.htm", "<html/>"));
        assertThat(e.assessment().rows()).allSatisfy(r -> {
            assertThat(r.exposure()).isEqualTo(Exposure.UNKNOWN);
            assertThat(r.reason()).isEqualTo("build not found: no Exchange install in the evidence");
        });
        assertThat(e.buildFacts().chosen()).isNull();
        assertThat(e.buildFacts().unknownWhy()).isEqualTo("no Exchange install in the evidence");
    }
}
