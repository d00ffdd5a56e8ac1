package org.exhunt.hunt.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Exposure;
import org.exhunt.core.facts.ExposureWindow;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.TestDrive;
import org.exhunt.hunt.history.BuildTimeline;
import org.exhunt.hunt.verdict.RowAssessment;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows handed to the verdicts: exposure now, first exploitation, and the window the build timeline leaves. */
class RowAssessmentsTest {

    static final KnowledgeBase KB = ExposureScanTest.KB;
    private static final Instant FEB = Instant.parse("2021-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2021-03-05T00:00:00Z");

    @TempDir
    Path dir;

    private List<RowAssessment> rows(TestDrive drive, List<PatchEvent> history, Instant end, ExposureWindow.Span... covered) {
        List<EvidenceFile> files = new ArrayList<>();
        new DirectorySource(drive.root()).walk(files::add, d -> {});
        ExposureScan scan = new ExposureScan(KB, "Program Files/Microsoft/Exchange Server/V15");
        files.forEach(f -> scan.examine(f, d -> {}));
        ServerExposure exposure = scan.result();
        BuildNumber current = exposure.build().chosen().map(o -> o.build()).orElse(null);
        return RowAssessments.of(KB, exposure, BuildTimeline.of(KB, history, current, end), List.of(covered));
    }

    private static RowAssessment row(List<RowAssessment> rows, String name) {
        return rows.stream().filter(r -> r.profile().row().equals(name)).findFirst().orElseThrow();
    }

    private static PatchEvent seen(String build, Instant from, Instant to) {
        return new PatchEvent(PatchEvent.Kind.LOG_BUILD, PatchEvent.Action.RUNNING, from, to, Duration.ZERO, build,
                build + " in exchange-httpproxy log lines", PatchEvent.Outcome.UNKNOWN, "exchange-httpproxy logs",
                PatchEvent.Strength.OBSERVED);
    }

    @Test
    void everyRowCarriesItsExposureReasonAndFirstExploitation() throws Exception {
        List<RowAssessment> rows = rows(new TestDrive(dir).exSetup(15, 1, 2176, 2), List.of(), null);
        assertThat(rows).extracting(r -> r.profile().row()).containsExactly("ProxyLogon", "ProxyShell", "ProxyNotShell",
                "CVE-2020-0688", "CVE-2021-42321", "CVE-2021-33766", "CVE-2021-31196");
        RowAssessment proxyLogon = row(rows, "ProxyLogon");
        assertThat(proxyLogon.exposure()).isEqualTo(Exposure.VULNERABLE);
        assertThat(proxyLogon.exposureReason()).isEqualTo("fixed by CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02)");
        assertThat(proxyLogon.profile().firstExploited()).isEqualTo(Instant.parse("2021-01-06T00:00:00Z"));
        assertThat(proxyLogon.profile().cves()).containsExactly("CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065");
        // nothing in the evidence has a time: the window runs on from the first exploitation
        assertThat(proxyLogon.window().end()).isNull();
        assertThat(proxyLogon.window().gaps()).singleElement().satisfies(g -> assertThat(g.to()).isNull());
    }

    @Test
    void theBuildTheLogsShowEndsTheWindowWhereItFixesTheChain() throws Exception {
        Instant fix = Instant.parse("2021-03-03T10:00:00Z");
        List<RowAssessment> rows = rows(new TestDrive(dir).exSetup(15, 1, 2176, 14),
                List.of(seen("15.1.2176.2", FEB, Instant.parse("2021-03-03T08:00:00Z")), seen("15.1.2176.9", fix, MAR)), MAR,
                new ExposureWindow.Span(FEB, MAR, "HttpProxy logs"));
        ExposureWindow proxyLogon = row(rows, "ProxyLogon").window();
        assertThat(proxyLogon.fixedSince()).isEqualTo(fix);
        assertThat(proxyLogon.end()).isEqualTo(fix);
        assertThat(proxyLogon.gaps()).singleElement().satisfies(g -> {
            assertThat(g.from()).isEqualTo(Instant.parse("2021-01-06T00:00:00Z"));
            assertThat(g.to()).isEqualTo(FEB);
        });
        // CU19 has CVE-2020-0688 fixed, but what ran before February is not known
        assertThat(row(rows, "CVE-2020-0688").window().exposed()).singleElement()
                .satisfies(s -> assertThat(s.what()).isEqualTo("build not known"));
    }

    @Test
    void exchange2010IsNotAffectedByProxyShell() throws Exception {
        RowAssessment proxyShell = row(rows(new TestDrive(dir).exSetup(14, 3, 513, 0), List.of(), MAR), "ProxyShell");
        assertThat(proxyShell.exposure()).isEqualTo(Exposure.NOT_AFFECTED);
    }
}
