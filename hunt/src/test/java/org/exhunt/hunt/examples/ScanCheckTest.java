package org.exhunt.hunt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ServerFacts;
import org.junit.jupiter.api.Test;

/** The check of a scan against an expected-verdict file, and the known gaps it sets aside. */
class ScanCheckTest {

    private static final String LOG = "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log";
    private static final String SYSMON = "Windows/System32/winevt/Logs/Microsoft-Windows-Sysmon%4Operational.evtx";
    private static final Instant T = Instant.parse("2021-03-03T05:52:10Z");

    private static final ExpectedScan EXPECTED = new ExpectedScan("img", "", 1,
            List.of(new ExpectedScan.Row("ProxyLogon", "VULNERABLE", List.of("ATTEMPTED"), "an attempt")),
            List.of(new ExpectedScan.Finding(LOG, T, "ProxyLogon", "attempt", true, false, "the probe"),
                    new ExpectedScan.Finding(LOG, T.plusSeconds(60), null, null, false, true, "a benign look-alike")));

    @Test
    void aScanThatSaysWhatIsExpectedPasses() {
        assertThat(ScanCheck.check(EXPECTED, result(Compromise.ATTEMPTED, probe("sigma", T, "ProxyLogon")), 1)).isEmpty();
    }

    @Test
    void eachDifferenceIsNamed() {
        List<ScanCheck.Mismatch> m = ScanCheck.check(EXPECTED, result(Compromise.CLEAN,
                probe("sigma", T, "ProxyShell"), probe("sigma", T.plusSeconds(60), null)), 0);
        assertThat(m).extracting(ScanCheck.Mismatch::kind).containsExactly(ScanCheck.Kind.ROW, ScanCheck.Kind.EXIT_CODE,
                ScanCheck.Kind.MISSING_FINDING, ScanCheck.Kind.UNEXPECTED_FINDING, ScanCheck.Kind.UNEXPECTED_FINDING);
        assertThat(m.get(4).detail()).contains("on a benign look-alike");
    }

    @Test
    void aFindingOfAnotherFileOrTimeDoesNotCount() {
        Finding elsewhere = Finding.builder("sigma", "r").title("t").severity(Severity.HIGH).chain("ProxyLogon")
                .stage(Stage.ATTEMPT).time(T).source(SourceRef.line("/x/inetpub/logs/LogFiles/W3SVC1/u_ex210304.log", 3))
                .build();
        assertThat(ScanCheck.check(EXPECTED, result(Compromise.ATTEMPTED, elsewhere), 1)).extracting(ScanCheck.Mismatch::kind)
                .containsExactly(ScanCheck.Kind.MISSING_FINDING, ScanCheck.Kind.UNEXPECTED_FINDING);
    }

    @Test
    void aRowWithExpectedEvidenceNeedsATimelineStartingAtItsFirstTrace() {
        Finding found = probe("sigma", T, "ProxyLogon");
        assertThat(ScanCheck.check(EXPECTED, result(Compromise.ATTEMPTED, List.of(), found), 1))
                .extracting(ScanCheck.Mismatch::detail).containsExactly("no timeline for the row");
        RowTimeline late = timeline(T.plusSeconds(1));
        assertThat(ScanCheck.check(EXPECTED, result(Compromise.ATTEMPTED, List.of(late), found), 1))
                .extracting(ScanCheck.Mismatch::detail).containsExactly("first evidence 2021-03-03T05:52:11Z, expected " + T);
    }

    @Test
    void anExposureDifferenceIsAMismatch() {
        ServerResult r = new ServerResult("img", List.of(), List.of(new Verdict("img", "ProxyLogon", Exposure.PATCHED,
                Compromise.CANNOT_TELL, "")), List.of(), List.of(), ServerFacts.NONE);
        List<ScanCheck.Mismatch> m = ScanCheck.check(EXPECTED, r, null);
        assertThat(m).extracting(ScanCheck.Mismatch::detail)
                .contains("exposure PATCHED, expected VULNERABLE");
    }

    private static Finding file(String detector, String rule, String chain, String drivePath) {
        return Finding.builder(detector, rule).title(rule).severity(Severity.CRITICAL).chain(chain)
                .stage(Stage.POST_EXPLOITATION).source(SourceRef.file("/tmp/img/" + drivePath)).build();
    }

    private static Finding probe(String detector, Instant time, String chain) {
        return Finding.builder(detector, "r").title("t").severity(Severity.HIGH).chain(chain).stage(Stage.ATTEMPT)
                .time(time).source(SourceRef.line("/tmp/img/" + LOG, 7)).build();
    }

    /** The timeline of a ProxyLogon row whose first evidence is at {@code first}. */
    private static RowTimeline timeline(Instant first) {
        return new RowTimeline("ProxyLogon", 1, first, first, List.of("1.2.3.4"), 1, List.of());
    }

    private static ServerResult result(Compromise c, Finding... findings) {
        return result(c, List.of(timeline(T)), findings);
    }

    private static ServerResult result(Compromise c, List<RowTimeline> timelines, Finding... findings) {
        ScanFacts scan = new ScanFacts(null, null, null, null, null, null, List.of(), Map.of(), List.of(), List.of(), timelines);
        return new ServerResult("img", List.of(), List.of(new Verdict("img", "ProxyLogon", Exposure.VULNERABLE, c, "why")),
                List.of(findings), List.of(), new ServerFacts(null, scan, null));
    }
}
