package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Finding;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.correlation.Correlator;
import org.junit.jupiter.api.Test;

/**
 * Correlations over hand-made streams: events just inside and just outside the time span, out-of-order input,
 * many groups, each type, aliases, chains and {@code generate}.
 */
class CorrelationTest {

    /** Base rules: a failed logon (A) and a success (B), and a process start (P), by the record's 'kind'. */
    private static final String BASE = """
            title: failed logon
            id: rule-a
            name: failed
            logsource: {product: test}
            detection: {sel: {kind: fail}, condition: sel}
            ---
            title: successful logon
            id: rule-b
            name: success
            logsource: {product: test}
            detection: {sel: {kind: ok}, condition: sel}
            ---
            title: process
            id: rule-p
            logsource: {product: test}
            detection: {sel: {kind: proc}, condition: sel}
            """;

    private static final Instant T0 = Instant.parse("2021-03-02T04:00:00Z");

    /** A record at {@code T0 + seconds} with these fields. */
    private static Record at(long seconds, String... nameValue) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String nv : nameValue) f.put(nv.substring(0, nv.indexOf('=')), nv.substring(nv.indexOf('=') + 1));
        return new MapRecord("test", f, String.join(" ", nameValue), T0.plusSeconds(seconds), SourceRef.line("t.log", seconds));
    }

    /** What a run reports: base findings of rules that report on their own, then correlation findings. */
    private record Run(List<Finding> base, List<Finding> correlations) {
        List<String> correlationTitles() {
            return correlations.stream().map(Finding::title).toList();
        }
    }

    private static Run run(String correlation, Record... records) {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, BASE + "---\n" + correlation);
        assertThat(rules.problems()).isEmpty();
        List<Finding> base = new ArrayList<>();
        List<Finding> corr = new ArrayList<>();
        Correlator c = rules.correlator(corr::add);
        SigmaScanner scanner = rules.scanner();
        for (Record r : records) {
            scanner.scan(r, m -> {
                if (rules.reportsOwnFindings(m.rule().id())) base.add(m.toFinding());
                c.accept(m);
            });
        }
        c.finish();
        return new Run(base, corr);
    }

    private static final String THREE_FAILURES = """
            title: three failures
            id: corr-1
            level: high
            correlation:
                type: event_count
                rules: [failed]
                group-by: [user]
                timespan: 10m
                condition: {gte: 3}
            """;

    @Test
    void eventCountFiresWhenTheCountIsReachedWithinTheSpan() {
        Run run = run(THREE_FAILURES, at(0, "kind=fail", "user=bob"), at(300, "kind=fail", "user=bob"), at(600, "kind=fail", "user=bob"));
        assertThat(run.correlations()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("corr-1");
            assertThat(f.evidence("user")).isEqualTo("bob");
            assertThat(f.evidence("count")).isEqualTo("3");
            assertThat(f.linked()).hasSize(3).allSatisfy(l -> assertThat(l.ruleId()).isEqualTo("rule-a"));
            assertThat(f.time()).isEqualTo(T0.plusSeconds(600));
            assertThat(f.source()).isEqualTo(SourceRef.line("t.log", 600));
        });
    }

    @Test
    void anEventJustOutsideTheSpanDoesNotCount() {
        Run run = run(THREE_FAILURES, at(0, "kind=fail", "user=bob"), at(300, "kind=fail", "user=bob"), at(601, "kind=fail", "user=bob"));
        assertThat(run.correlations()).isEmpty();
    }

    @Test
    void outOfOrderEventsAreCountedInTheirPlace() {
        Run run = run(THREE_FAILURES, at(0, "kind=fail", "user=bob"), at(600, "kind=fail", "user=bob"), at(300, "kind=fail", "user=bob"));
        assertThat(run.correlations()).hasSize(1);
    }

    @Test
    void groupsAreCountedApartAmongMany() {
        List<Record> records = new ArrayList<>();
        for (int u = 0; u < 2000; u++) {
            records.add(at(u, "kind=fail", "user=u" + u));
            records.add(at(u + 1, "kind=fail", "user=u" + u));
        }
        records.add(at(2001, "kind=fail", "user=u1999"));
        Run run = run(THREE_FAILURES, records.toArray(Record[]::new));
        assertThat(run.correlations()).singleElement().satisfies(f -> assertThat(f.evidence("user")).isEqualTo("u1999"));
    }

    @Test
    void theCorrelatedRulesDoNotReportOnTheirOwnUnlessAskedTo() {
        Record[] events = {at(0, "kind=fail", "user=bob"), at(1, "kind=proc", "user=bob")};
        assertThat(run(THREE_FAILURES, events).base()).extracting(Finding::ruleId).containsExactly("rule-p");
        assertThat(run(THREE_FAILURES + "generate: true\n", events).base()).extracting(Finding::ruleId).containsExactly("rule-a", "rule-p");
    }

    @Test
    void anUpperBoundIsDecidedWhenTheWindowCloses() {
        String fewer = THREE_FAILURES.replace("{gte: 3}", "{lt: 3}").replace("three failures", "fewer than three");
        Run run = run(fewer, at(0, "kind=fail", "user=bob"), at(10, "kind=fail", "user=bob"),
                at(0, "kind=fail", "user=amy"), at(10, "kind=fail", "user=amy"), at(20, "kind=fail", "user=amy"));
        assertThat(run.correlations()).singleElement().satisfies(f -> {
            assertThat(f.evidence("user")).isEqualTo("bob");
            assertThat(f.evidence("count")).isEqualTo("2");
        });
    }

    @Test
    void valueCountCountsDistinctValues() {
        String c = """
                title: many users from one address
                id: corr-vc
                correlation:
                    type: value_count
                    rules: [failed]
                    group-by: [ip]
                    timespan: 1h
                    condition: {field: user, gte: 3}
                """;
        Run three = run(c, at(0, "kind=fail", "ip=10.0.0.1", "user=a"), at(1, "kind=fail", "ip=10.0.0.1", "user=A"),
                at(2, "kind=fail", "ip=10.0.0.1", "user=b"), at(3, "kind=fail", "ip=10.0.0.1", "user=c"));
        assertThat(three.correlations()).singleElement().satisfies(f -> assertThat(f.evidence("distinct user")).isEqualTo("3"));
        Run two = run(c, at(0, "kind=fail", "ip=10.0.0.1", "user=a"), at(1, "kind=fail", "ip=10.0.0.1", "user=b"),
                at(2, "kind=fail", "ip=10.0.0.2", "user=c"));
        assertThat(two.correlations()).isEmpty();
    }

    @Test
    void valueSumAndValueAverage() {
        String sum = """
                title: much data out
                id: corr-sum
                correlation:
                    type: value_sum
                    rules: [rule-p]
                    group-by: [host]
                    timespan: 1h
                    condition: {field: bytes, gt: 1000}
                """;
        Run big = run(sum, at(0, "kind=proc", "host=h", "bytes=600"), at(60, "kind=proc", "host=h", "bytes=500"));
        assertThat(big.correlations()).singleElement().satisfies(f -> assertThat(f.evidence("sum of bytes")).isEqualTo("1100"));
        assertThat(run(sum, at(0, "kind=proc", "host=h", "bytes=600"), at(3601, "kind=proc", "host=h", "bytes=500")).correlations()).isEmpty();

        String avg = sum.replace("value_sum", "value_avg").replace("gt: 1000", "gte: 550");
        Run mean = run(avg, at(0, "kind=proc", "host=h", "bytes=600"), at(60, "kind=proc", "host=h", "bytes=500"));
        assertThat(mean.correlations()).singleElement().satisfies(f -> assertThat(f.evidence("average of bytes")).isEqualTo("600"));
    }

    @Test
    void valuePercentileReportsRareValuesWhenTheWindowCloses() {
        String rare = """
                title: rare process on a host
                id: corr-pct
                correlation:
                    type: value_percentile
                    rules: [rule-p]
                    group-by: [host]
                    timespan: 24h
                    condition: {field: image, lte: 10}
                """;
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 19; i++) records.add(at(i, "kind=proc", "host=h", "image=svchost.exe"));
        records.add(at(100, "kind=proc", "host=h", "image=evil.exe"));
        Run run = run(rare, records.toArray(Record[]::new));
        assertThat(run.correlations()).singleElement().satisfies(f -> {
            assertThat(f.evidence("image")).isEqualTo("evil.exe");
            assertThat(f.evidence("percent of events with this image")).isEqualTo("5");
            assertThat(f.linked()).singleElement().satisfies(l -> assertThat(l.time()).isEqualTo(T0.plusSeconds(100)));
        });
    }

    private static final String FAIL_THEN_SUCCESS = """
            title: failure then success
            id: corr-t
            correlation:
                type: temporal_ordered
                rules: [failed, success]
                group-by: [user]
                timespan: 5m
            """;

    @Test
    void temporalOrderedNeedsTheListedOrder() {
        assertThat(run(FAIL_THEN_SUCCESS, at(0, "kind=fail", "user=bob"), at(60, "kind=ok", "user=bob")).correlations()).hasSize(1);
        assertThat(run(FAIL_THEN_SUCCESS, at(0, "kind=ok", "user=bob"), at(60, "kind=fail", "user=bob")).correlations()).isEmpty();
        assertThat(run(FAIL_THEN_SUCCESS, at(0, "kind=fail", "user=bob"), at(301, "kind=ok", "user=bob")).correlations()).isEmpty();
        assertThat(run(FAIL_THEN_SUCCESS, at(0, "kind=fail", "user=bob"), at(60, "kind=ok", "user=amy")).correlations()).isEmpty();
    }

    /**
     * Two logs read side by side can give a later event first. Their times decide the order, to the 100 ns of a
     * Windows event: a failure 300 ns before the success, read after it, is still the failure then the success.
     */
    @Test
    void temporalOrderedTellsApartEventsOfTheSameMillisecond() {
        Record fail = withTime(at(0, "kind=fail", "user=bob"), T0.plusNanos(1_000_100));
        Record success = withTime(at(0, "kind=ok", "user=bob"), T0.plusNanos(1_000_400));
        assertThat(run(FAIL_THEN_SUCCESS, success, fail).correlations()).hasSize(1);
        Record earlySuccess = withTime(at(0, "kind=ok", "user=bob"), T0.plusNanos(1_000_000));
        assertThat(run(FAIL_THEN_SUCCESS, fail, earlySuccess).correlations()).isEmpty();
    }

    private static Record withTime(Record r, Instant time) {
        return new MapRecord(r.type(), ((MapRecord) r).fields(), r.raw(), time, r.source());
    }

    @Test
    void temporalTakesAnyOrderAndLinksOneEventPerRule() {
        String any = FAIL_THEN_SUCCESS.replace("temporal_ordered", "temporal");
        Run run = run(any, at(0, "kind=ok", "user=bob"), at(10, "kind=ok", "user=bob"), at(60, "kind=fail", "user=bob"));
        assertThat(run.correlations()).singleElement().satisfies(f -> {
            assertThat(f.linked()).extracting(Finding::ruleId).containsExactly("rule-a", "rule-b");
            assertThat(f.evidence("rules")).isEqualTo("2");
        });
    }

    @Test
    void aliasesGroupDifferentFieldsOfDifferentRules() {
        String c = """
                title: same address
                id: corr-alias
                correlation:
                    type: temporal
                    rules: [failed, success]
                    group-by: [address]
                    timespan: 5m
                    aliases:
                        address:
                            failed: src_ip
                            success: dst_ip
                """;
        assertThat(run(c, at(0, "kind=fail", "src_ip=1.2.3.4"), at(5, "kind=ok", "dst_ip=1.2.3.4")).correlations()).hasSize(1);
        assertThat(run(c, at(0, "kind=fail", "src_ip=1.2.3.4"), at(5, "kind=ok", "src_ip=1.2.3.4")).correlations()).isEmpty();
    }

    @Test
    void correlationsChain() {
        String c = THREE_FAILURES.replace("id: corr-1", "id: corr-1\nname: brute") + """
                ---
                title: brute force then success
                id: corr-2
                level: critical
                correlation:
                    type: temporal_ordered
                    rules: [brute, success]
                    group-by: [user]
                    timespan: 1h
                """;
        Run run = run(c, at(0, "kind=fail", "user=bob"), at(1, "kind=fail", "user=bob"), at(2, "kind=fail", "user=bob"),
                at(100, "kind=ok", "user=bob"));
        assertThat(run.correlationTitles()).containsExactly("brute force then success");
        assertThat(run.correlations().get(0).linked()).extracting(Finding::ruleId).containsExactly("corr-1", "rule-b");
        assertThat(run.correlations().get(0).linked().get(0).linked()).hasSize(3);
    }

    @Test
    void aCorrelationNamingNothingLoadedIsReported() {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, BASE + "---\n" + THREE_FAILURES.replace("[failed]", "[nothing]"));
        assertThat(rules.correlations()).isEmpty();
        assertThat(rules.problems()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("sigma.correlation");
            assertThat(d.message()).contains("names nothing, which is no loaded rule or correlation");
        });
    }

    /** {@code n} event_count correlations, each on the one before, the first on rule A; listed last first. */
    private static String chainOf(int n) {
        StringBuilder s = new StringBuilder(BASE);
        for (int i = n; i >= 1; i--) {
            s.append("---\ntitle: link ").append(i).append("\nid: link-").append(i)
                    .append("\ncorrelation: {type: event_count, rules: [").append(i == 1 ? "rule-a" : "link-" + (i - 1))
                    .append("], group-by: [user], timespan: 1h, generate: true, condition: {gte: 1}}\n");
        }
        return s.toString();
    }

    @Test
    void aChainLongerThanTheLimitLoadsUpToTheLimitAndFiresThrough() {
        int limit = org.exhunt.core.Limits.SIGMA_CORRELATION_CHAIN;
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, chainOf(limit + 2));
        assertThat(rules.correlations()).hasSize(limit);
        assertThat(rules.problems()).extracting(d -> d.message()).containsExactlyInAnyOrder(
                "correlation link-" + (limit + 1) + " is built on a chain of more than " + limit + " correlations",
                "correlation link-" + (limit + 2) + " is built on a chain of more than " + limit + " correlations");
        List<Finding> fired = new ArrayList<>();
        Correlator c = rules.correlator(fired::add);
        rules.scanner().scan(at(0, "kind=fail", "user=bob"), c::accept);
        c.finish();
        assertThat(fired).hasSize(limit);
    }

    @Test
    void aHostileChainOfThousandsIsRefusedWithoutExhaustingTheStack() {
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, chainOf(3_000));
        assertThat(rules.correlations()).hasSize(org.exhunt.core.Limits.SIGMA_CORRELATION_CHAIN);
        assertThat(rules.problems()).hasSize(3_000 - org.exhunt.core.Limits.SIGMA_CORRELATION_CHAIN);
    }

    @Test
    void everyCorrelationOfACycleIsReportedAndWhatIsBuiltOnThem() {
        String cycle = """
                title: one
                id: c-1
                correlation: {type: event_count, rules: [rule-a, c-2], group-by: [user], timespan: 1h, condition: {gte: 2}}
                ---
                title: two
                id: c-2
                correlation: {type: event_count, rules: [c-1], group-by: [user], timespan: 1h, condition: {gte: 2}}
                ---
                title: three
                id: c-3
                correlation: {type: event_count, rules: [c-2], group-by: [user], timespan: 1h, condition: {gte: 2}}
                """;
        SigmaRules rules = Fixtures.rules(RuleAssert.TEST_MAPPING, BASE + "---\n" + cycle);
        assertThat(rules.correlations()).isEmpty();
        assertThat(rules.problems()).extracting(d -> d.message()).containsExactly(
                "correlation c-1 depends on itself", "correlation c-2 depends on itself",
                "correlation c-3 names correlation c-2, which was not loaded");
    }
}
