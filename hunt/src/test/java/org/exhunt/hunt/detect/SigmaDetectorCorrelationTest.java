package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.MapRecord;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.Tally;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.sigma.Placeholders;
import org.exhunt.sigma.SigmaLoader;
import org.exhunt.sigma.SigmaRules;
import org.junit.jupiter.api.Test;

/**
 * Correlations in a scan: logs are read in no time order, so matches of correlated rules are kept without their
 * records and correlated in time order once all are read, within {@link Limits#CORRELATION_KEPT} (issue 6).
 */
class SigmaDetectorCorrelationTest {

    private static final RulePack PACK = RulePack.bundled();

    private static final String RULES = """
            title: Autodiscover request
            id: 7d0c7a52-0000-4000-8000-000000000001
            level: low
            logsource: {category: webserver}
            detection: {sel: {cs-uri-stem|startswith: '/autodiscover/'}, condition: sel}
            ---
            title: Autodiscover flood from one client
            id: 7d0c7a52-0000-4000-8000-000000000002
            level: high
            correlation: {type: event_count, rules: [7d0c7a52-0000-4000-8000-000000000001], group-by: [c-ip],
                          timespan: 10m, condition: {gte: 3}}
            """;

    private static final Instant T0 = Instant.parse("2021-03-02T22:00:00Z");
    private static final String LONG_QUERY = "Email=autodiscover/autodiscover.json%3f@evil.com" + "A".repeat(500);

    private final List<Finding> findings = new ArrayList<>();
    private final Map<Tally, Long> tallies = new LinkedHashMap<>();
    private final DetectionSink sink = new DetectionSink() {
        @Override public void finding(Finding f) { findings.add(f); }
        @Override public void problem(Diagnostic d) { throw new AssertionError(d.toString()); }
        @Override public void tally(Tally fact, long count) { tallies.merge(fact, count, Long::sum); }
    };

    private static SigmaDetector detector(int keepAtMost) {
        List<Diagnostic> problems = new ArrayList<>();
        SigmaLoader loader = new SigmaLoader(SigmaHunt.mappings(PACK, problems::add), Placeholders.none());
        loader.load("flood.yml", RULES);
        SigmaRules rules = loader.build();
        ChainAttribution attribution = new ChainAttribution(PACK.knowledgeBase().rows(), PACK.text(ChainAttribution.FILE),
                problems::add);
        assertThat(problems).isEmpty();
        assertThat(rules.problems()).isEmpty();
        return new SigmaDetector(rules, null, attribution, keepAtMost);
    }

    /** An IIS request {@code minutes} after T0, in a file of its own. */
    private static MapRecord request(int minutes, String clientIp, String file) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("c-ip", clientIp);
        f.put("cs-method", "POST");
        f.put("cs-uri-stem", "/autodiscover/autodiscover.json");
        f.put("cs-uri-query", LONG_QUERY);
        f.put("sc-status", "302");
        return new MapRecord("iis", f, "2021-03-02 22:0" + minutes + ":00 POST /autodiscover/autodiscover.json " + LONG_QUERY,
                T0.plusSeconds(60L * minutes), SourceRef.line(file, minutes + 1));
    }

    @Test
    void matchesReadInNoTimeOrderAreCorrelatedInTimeOrderAndLinkedWithShortEvidence() {
        SigmaDetector d = detector(Limits.CORRELATION_KEPT);
        // three log files read by three threads: the latest first
        d.examine(request(9, "203.0.113.7", "u_ex3.log"), findings::add);
        d.examine(request(5, "203.0.113.7", "u_ex2.log"), findings::add);
        d.examine(request(0, "203.0.113.7", "u_ex1.log"), findings::add);
        d.examine(request(1, "198.51.100.1", "u_ex1.log"), findings::add);
        assertThat(findings).as("the correlated rule does not report on its own").isEmpty();

        d.finish(sink);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("7d0c7a52-0000-4000-8000-000000000002");
            assertThat(f.evidence("c-ip")).isEqualTo("203.0.113.7");
            assertThat(f.evidence("count")).isEqualTo("3");
            assertThat(f.time()).isEqualTo(T0.plusSeconds(9 * 60));
            assertThat(f.linked()).extracting(l -> l.source().file()).containsExactly("u_ex1.log", "u_ex2.log", "u_ex3.log");
            Finding first = f.linked().get(0);
            assertThat(first.ruleId()).isEqualTo("7d0c7a52-0000-4000-8000-000000000001");
            assertThat(first.title()).isEqualTo("Autodiscover request");
            assertThat(first.time()).isEqualTo(T0);
            assertThat(first.evidence("raw")).as("the record is not kept; its source points at it").isNull();
            assertThat(first.evidence()).extracting(Evidence::name)
                    .containsExactly("cs-uri-stem", "c-ip", "cs-method", "cs-uri-query", "sc-status");
            assertThat(first.evidence("cs-uri-query")).hasSize(Limits.CORRELATION_EVIDENCE_CHARS + 1)
                    .startsWith("Email=autodiscover/").endsWith("…");
        });
        assertThat(tallies).isEmpty();
    }

    @Test
    void matchesBeyondTheCapAreCountedNotCorrelated() {
        SigmaDetector d = detector(2);
        for (int m : new int[] {0, 1, 2}) d.examine(request(m, "203.0.113.7", "u_ex1.log"), findings::add);
        d.finish(sink);
        assertThat(findings).isEmpty();
        assertThat(tallies).containsExactly(Map.entry(Tally.SIGMA_CORRELATION_MATCHES_NOT_KEPT, 1L));
    }

    @Test
    void matchesWithoutATimeAreCountedNotCorrelated() {
        SigmaDetector d = detector(Limits.CORRELATION_KEPT);
        MapRecord r = request(0, "203.0.113.7", "u_ex1.log");
        d.examine(new MapRecord("iis", r.fields(), r.raw(), null, r.source()), findings::add);
        d.finish(sink);
        assertThat(tallies).containsExactly(Map.entry(Tally.SIGMA_CORRELATION_MATCHES_UNTIMED, 1L));
    }
}
