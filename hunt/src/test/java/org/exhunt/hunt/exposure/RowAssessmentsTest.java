package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Exposure;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.TestDrive;
import org.exhunt.hunt.verdict.RowAssessment;
import org.exhunt.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows handed to the verdicts: exposure, first exploitation, and the reach of the logs that can show each. */
class RowAssessmentsTest {

    static final KnowledgeBase KB = ExposureScanTest.KB;
    private static final Instant FEB = Instant.parse("2021-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2021-03-05T00:00:00Z");

    @TempDir
    Path dir;

    private List<RowAssessment> rows(TestDrive drive, LogCoverage... logs) {
        List<EvidenceFile> files = new ArrayList<>();
        new DirectorySource(drive.root()).walk(files::add, d -> {});
        ExposureScan scan = new ExposureScan(KB, "Program Files/Microsoft/Exchange Server/V15");
        files.forEach(f -> scan.examine(f, d -> {}));
        scan.builds().logs(List.of(logs));
        return RowAssessments.of(KB, scan.result(), List.of(logs).stream()
                .map(c -> new LogReach(c.type(), c.oldest(), c.newest())).toList());
    }

    private static RowAssessment row(List<RowAssessment> rows, String name) {
        return rows.stream().filter(r -> r.profile().row().equals(name)).findFirst().orElseThrow();
    }

    private static LogCoverage logs(String type, String build) {
        return new LogCoverage(type, 1, 10, 0, FEB, MAR, build == null ? List.of() : List.of(new LogCoverage.BuildSeen(build, FEB, MAR)));
    }

    @Test
    void everyRowCarriesItsExposureReasonAndFirstExploitation() throws Exception {
        List<RowAssessment> rows = rows(new TestDrive(dir).exSetup(15, 1, 2176, 2));
        assertThat(rows).extracting(r -> r.profile().row()).containsExactly("ProxyLogon", "ProxyShell", "ProxyNotShell",
                "CVE-2020-0688", "CVE-2021-42321", "CVE-2021-33766", "CVE-2021-31196");
        RowAssessment proxyLogon = row(rows, "ProxyLogon");
        assertThat(proxyLogon.exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(proxyLogon.exposureReason()).isEqualTo("fixed by CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02)");
        assertThat(proxyLogon.profile().firstExploited()).isEqualTo(Instant.parse("2021-01-06T00:00:00Z"));
        assertThat(proxyLogon.profile().cves()).containsExactly("CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065");
        assertThat(proxyLogon.window()).isNull();
    }

    @Test
    void onlyLogsThatCanShowARowCountForIt() throws Exception {
        List<RowAssessment> rows = rows(new TestDrive(dir).exSetup(15, 1, 2176, 2), logs("exchange-oabgenerator", null));
        assertThat(row(rows, "ProxyLogon").window().logTypes()).containsExactly("exchange-oabgenerator");
        assertThat(row(rows, "ProxyShell").window()).isNull();
    }

    @Test
    void theBuildTheLogsShowAtTheirStartGivesTheExposureThen() throws Exception {
        List<RowAssessment> rows = rows(new TestDrive(dir).exSetup(15, 1, 2176, 14), logs("exchange-httpproxy", "15.1.2176.2"),
                logs("iis", null));
        RowAssessment proxyLogon = row(rows, "ProxyLogon");
        assertThat(proxyLogon.exposure()).isEqualTo(Exposure.PATCHED);
        assertThat(proxyLogon.window().logTypes()).containsExactly("exchange-httpproxy", "iis");
        assertThat(proxyLogon.window().from()).isEqualTo(FEB);
        assertThat(proxyLogon.window().to()).isEqualTo(MAR);
        assertThat(proxyLogon.window().atStart()).isEqualTo(Exposure.VULNERABLE);
    }

    @Test
    void withoutABuildInTheLogsAVulnerableBuildWasVulnerableThenAndAFixedOneIsUnknownThen() throws Exception {
        assertThat(row(rows(new TestDrive(dir).exSetup(15, 1, 2176, 2), logs("iis", null)), "ProxyLogon").window().atStart())
                .isEqualTo(Exposure.VULNERABLE);
        assertThat(row(rows(new TestDrive(dir).exSetup(15, 1, 2507, 72), logs("iis", null)), "ProxyLogon").window().atStart())
                .isEqualTo(Exposure.UNKNOWN);
    }

    @Test
    void exchange2010IsNotAffectedByProxyShellAtAnyTime() throws Exception {
        RowAssessment proxyShell = row(rows(new TestDrive(dir).exSetup(14, 3, 513, 0), logs("iis", null)), "ProxyShell");
        assertThat(proxyShell.exposure()).isEqualTo(Exposure.NOT_AFFECTED);
        assertThat(proxyShell.window().atStart()).isEqualTo(Exposure.NOT_AFFECTED);
    }
}
