package org.exhunt.testkit.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ServerFacts;
import org.junit.jupiter.api.Test;

/** The check of a scan's answer against what a correct scan says. */
class ScanCheckTest {

    private static final String LOG = "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log";
    private static final Instant T = Instant.parse("2021-03-03T05:52:10Z");

    private static final ExpectedScan EXPECTED = new ExpectedScan("img", "", 1,
            List.of(new ExpectedScan.Row("ProxyLogon", "VULNERABLE", List.of("ATTEMPTED"), "an attempt")),
            List.of(new ExpectedScan.Finding(LOG, T, "ProxyLogon", "attempt", true, false, "the probe"),
                    new ExpectedScan.Finding(LOG, T.plusSeconds(60), null, null, false, true, "a benign look-alike")));

    @Test
    void aScanThatSaysWhatIsExpectedPasses() {
        assertThat(ScanCheck.check(EXPECTED, answer("ATTEMPTED", probe(T, "ProxyLogon", "attempt")), 1)).isEmpty();
    }

    @Test
    void eachDifferenceIsNamed() {
        List<ScanCheck.Mismatch> m = ScanCheck.check(EXPECTED, answer("CLEAN",
                probe(T, "ProxyShell", "attempt"), probe(T.plusSeconds(60), null, "post-exploitation")), 0);
        assertThat(m).extracting(ScanCheck.Mismatch::kind).containsExactly(ScanCheck.Kind.ROW, ScanCheck.Kind.EXIT_CODE,
                ScanCheck.Kind.MISSING_FINDING, ScanCheck.Kind.UNEXPECTED_FINDING, ScanCheck.Kind.UNEXPECTED_FINDING);
        assertThat(m.get(4).detail()).contains("on a benign look-alike");
    }

    @Test
    void aFindingAtAnotherStageThanTheScenariosIsMissingButAContextOneIsNoEvidence() {
        assertThat(ScanCheck.check(EXPECTED, answer("ATTEMPTED", probe(T, "ProxyLogon", "success")), 1))
                .extracting(ScanCheck.Mismatch::kind).containsExactly(ScanCheck.Kind.MISSING_FINDING);
        assertThat(ScanCheck.check(EXPECTED, answer("ATTEMPTED", probe(T, "ProxyLogon", "attempt"),
                probe(T.plusSeconds(60), null, "context")), 1)).isEmpty();
    }

    @Test
    void aFindingOfAnotherFileOrTimeDoesNotCount() {
        ScanAnswer.Finding elsewhere = new ScanAnswer.Finding("r", "/x/inetpub/logs/LogFiles/W3SVC1/u_ex210304.log", T,
                "ProxyLogon", "attempt", List.of());
        assertThat(ScanCheck.check(EXPECTED, answer("ATTEMPTED", elsewhere), 1)).extracting(ScanCheck.Mismatch::kind)
                .containsExactly(ScanCheck.Kind.MISSING_FINDING, ScanCheck.Kind.UNEXPECTED_FINDING);
    }

    @Test
    void aRowWithExpectedEvidenceNeedsATimelineStartingAtItsFirstTrace() {
        ScanAnswer.Finding found = probe(T, "ProxyLogon", "attempt");
        assertThat(ScanCheck.check(EXPECTED, answer("ATTEMPTED", List.of(), found), 1))
                .extracting(ScanCheck.Mismatch::detail).containsExactly("no timeline for the row");
        assertThat(ScanCheck.check(EXPECTED, answer("ATTEMPTED", List.of(new ScanAnswer.Timeline("ProxyLogon", T.plusSeconds(1))),
                found), 1)).extracting(ScanCheck.Mismatch::detail).containsExactly("first evidence 2021-03-03T05:52:11Z, expected " + T);
    }

    @Test
    void anExposureDifferenceIsAMismatch() {
        ScanAnswer patched = new ScanAnswer(List.of(new ScanAnswer.Row("ProxyLogon", "PATCHED", "CANNOT_TELL", "")), List.of(),
                List.of());
        assertThat(ScanCheck.check(EXPECTED, patched, null)).extracting(ScanCheck.Mismatch::detail)
                .contains("exposure PATCHED, expected VULNERABLE");
    }

    /** The typed result and its JSON lines (as docs/jsonl-schema.md gives them) are the same answer. */
    @Test
    void theTypedResultAndItsJsonLinesAreTheSameAnswer() throws Exception {
        Finding probe = Finding.builder("sigma", "r").title("t").severity(Severity.HIGH).chain("ProxyLogon")
                .stage(org.exhunt.core.Stage.ATTEMPT).time(T).source(SourceRef.line("/tmp/img/" + LOG, 7)).build();
        ScanFacts scan = new ScanFacts(null, null, null, null, null, null, List.of(), Map.of(), List.of(), List.of(),
                List.of(new RowTimeline("ProxyLogon", 1, 0, T, T, List.of("192.0.2.7"), 1, List.of())), List.of(), List.of());
        ServerResult result = new ServerResult("img", List.of(), List.of(new Verdict("img", "ProxyLogon", Exposure.VULNERABLE,
                Compromise.ATTEMPTED, "why")), List.of(probe), List.of(), new ServerFacts(null, scan, null));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : List.of(
                "{\"type\":\"run\",\"schema\":1}",
                "{\"type\":\"verdict\",\"server\":\"img\",\"row\":\"ProxyLogon\",\"exposure\":\"VULNERABLE\","
                        + "\"compromise\":\"ATTEMPTED\",\"reason\":\"why\"}",
                "{\"type\":\"finding\",\"server\":\"img\",\"rule_id\":\"r\",\"chain\":\"ProxyLogon\",\"stage\":\"attempt\","
                        + "\"time\":\"2021-03-03T05:52:10Z\",\"source\":{\"file\":\"/tmp/img/" + LOG + "\",\"line\":7}}",
                "{\"type\":\"facts\",\"server\":\"img\",\"build\":null,\"scan\":{\"timelines\":[{\"row\":\"ProxyLogon\","
                        + "\"findings\":1,\"first\":\"2021-03-03T05:52:10Z\",\"last\":\"2021-03-03T05:52:10Z\"}]},\"probe\":null}")) {
            lines.add(json.readTree(line));
        }

        assertThat(ScanAnswer.ofJsonl(lines)).isEqualTo(ScanAnswer.of(result));
        assertThat(ScanCheck.check(EXPECTED, ScanAnswer.ofJsonl(lines), 1)).isEmpty();
    }

    private static ScanAnswer.Finding probe(Instant time, String chain, String stage) {
        return new ScanAnswer.Finding("r", "/tmp/img/" + LOG, time, chain, stage, List.of());
    }

    private static ScanAnswer answer(String compromise, ScanAnswer.Finding... findings) {
        return answer(compromise, List.of(new ScanAnswer.Timeline("ProxyLogon", T)), findings);
    }

    private static ScanAnswer answer(String compromise, List<ScanAnswer.Timeline> timelines, ScanAnswer.Finding... findings) {
        return new ScanAnswer(List.of(new ScanAnswer.Row("ProxyLogon", "VULNERABLE", compromise, "why")), List.of(findings),
                timelines);
    }
}
