package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.Tally;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.yara.YaraCompiler;
import org.junit.jupiter.api.Test;

/** YARA rules on a web file in a scan: a rule that would run for hours stops at the per-file limit. */
class YaraDetectorTest {

    private static final byte[] PAGE = "<%@ Page Language=\"C#\" %>".getBytes(StandardCharsets.US_ASCII);

    private static final EvidenceFile FILE = new EvidenceFile() {
        @Override public String drivePath() { return "inetpub/wwwroot/aspnet_client/x.aspx"; }
        @Override public SourceRef ref() { return SourceRef.file("x.aspx"); }
        @Override public long size() { return PAGE.length; }
        @Override public Instant modified() { return null; }
        @Override public InputStream open() { return new ByteArrayInputStream(PAGE); }
    };

    @Test
    void aRuleLoopingOverAHugeRangeStopsAtTheLimitAndTheFileIsReportedAsNotScanned() throws Exception {
        var rules = new YaraCompiler().addSource("""
                rule Loop { condition: for all i in (0..0x7fffffffffff) : (i >= 0) }
                rule Page { strings: $a = "Page" condition: $a }
                """, "r.yar").compile();
        YaraDetector detector = new YaraDetector(rules, Duration.ofMillis(300));
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        DetectionSink sink = new DetectionSink() {
            @Override public void finding(Finding f) { findings.add(f); }
            @Override public void problem(Diagnostic d) { problems.add(d); }
            @Override public void tally(Tally fact, long count) { }
        };

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> detector.examine(new FileContent(FILE, PAGE, "", null, null, true), sink));

        assertThat(findings).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("yara.scan-failed");
            assertThat(p.message()).contains("scanning timed out");
        });
    }
}
