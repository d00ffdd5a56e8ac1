package org.exhunt.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.MapRecord;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.Placeholders;
import org.exhunt.sigma.SigmaLoader;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
import org.exhunt.sigma.mapping.Mappings;
import org.junit.jupiter.api.Test;

/**
 * The correlator's memory caps ({@code Limits.CORRELATION_ENTRIES}, {@code Limits.CORRELATION_GROUPS}), made small:
 * they hold over all correlations together, and whatever exceeds them is closed early and counted.
 */
class CorrelatorCapsTest {

    private static final String RULES = """
            title: failed logon
            id: rule-fail
            logsource: {product: test}
            detection: {sel: {kind: fail}, condition: sel}
            ---
            title: process
            id: rule-proc
            logsource: {product: test}
            detection: {sel: {kind: proc}, condition: sel}
            ---
            title: many failures of a user
            id: corr-user
            correlation: {type: event_count, rules: [rule-fail], group-by: [user], timespan: 1h, condition: {gte: 1000}}
            ---
            title: many processes on a host
            id: corr-host
            correlation: {type: event_count, rules: [rule-proc], group-by: [host], timespan: 1h, condition: {gte: 1000}}
            ---
            title: few processes of a user
            id: corr-few
            correlation: {type: event_count, rules: [rule-proc], group-by: [user], timespan: 1h, condition: {lt: 5}}
            """;

    private static final Instant T0 = Instant.parse("2021-03-02T04:00:00Z");

    private final SigmaRules rules = load();
    private final SigmaScanner scanner = rules.scanner();
    private final List<Finding> fired = new ArrayList<>();

    private static SigmaRules load() {
        List<Diagnostic> problems = new ArrayList<>();
        Mappings mappings = Mappings.parse(Map.of("test.yml", "sources:\n  - logsource: {product: test}\n    records:\n      - types: [test]\n"),
                problems::add);
        SigmaLoader loader = new SigmaLoader(mappings, Placeholders.none());
        loader.load("rules.yml", RULES);
        SigmaRules rules = loader.build();
        assertThat(problems).isEmpty();
        assertThat(rules.problems()).isEmpty();
        return rules;
    }

    private Correlator correlator(long maxEntries, long maxGroups) {
        return new Correlator(rules.correlations(), rules::reportsOwnFindings, fired::add, maxEntries, maxGroups);
    }

    private void feed(Correlator c, long second, String kind, String field, String value) {
        MapRecord r = new MapRecord("test", Map.of("kind", kind, field, value), kind + " " + value, T0.plusSeconds(second),
                SourceRef.line("t.log", second));
        scanner.scan(r, c::accept);
    }

    @Test
    void theGroupCapHoldsOverAllCorrelationsTogether() {
        Correlator c = correlator(1_000, 3);
        feed(c, 0, "fail", "user", "u1");
        feed(c, 1, "fail", "user", "u2");
        feed(c, 2, "fail", "user", "u3");
        assertThat(c.openGroups()).isEqualTo(3);
        assertThat(c.evicted()).isZero();

        feed(c, 3, "fail", "user", "u2");
        // a 'proc' event opens the first group of corr-host and of corr-few, which have none to give up: the
        // groups updated longest ago, of corr-user, are closed instead (u1, then u3)
        feed(c, 4, "proc", "host", "h1");
        assertThat(c.openGroups()).isEqualTo(3);
        assertThat(c.evicted()).isEqualTo(2);
        assertThat(c.entries()).isEqualTo(4);   // u2's two events, and one in each new group
        c.finish();
        assertThat(c.openGroups()).isZero();
        assertThat(c.entries()).isZero();
    }

    @Test
    void aGroupClosedEarlyIsDecidedThenAndCounted() {
        Correlator c = correlator(1_000, 1);
        feed(c, 0, "proc", "user", "amy");
        assertThat(fired).as("corr-few waits for its window to close").isEmpty();
        feed(c, 1, "fail", "user", "bob");
        assertThat(c.evicted()).isEqualTo(2);   // corr-host's group (no host: the empty value) and corr-few's amy
        assertThat(fired).extracting(Finding::ruleId).containsExactly("corr-few");
        assertThat(fired.get(0).evidence("user")).isEqualTo("amy");
        assertThat(c.openGroups()).isEqualTo(1);
    }

    @Test
    void theEntryCapHoldsEvenForOneGroup() {
        Correlator c = correlator(10, 1_000);
        for (int i = 0; i < 25; i++) {
            feed(c, i, "fail", "user", "bob");
            assertThat(c.entries()).isLessThanOrEqualTo(10);
        }
        assertThat(c.evicted()).isEqualTo(2);   // at the 11th and the 22nd event
        assertThat(c.entries()).isEqualTo(3);
    }

    @Test
    void theEntryCapHoldsOverAllCorrelationsTogether() {
        Correlator c = correlator(10, 1_000);
        for (int i = 0; i < 8; i++) feed(c, i, "fail", "user", "bob");
        for (int i = 0; i < 4; i++) feed(c, 10 + i, "proc", "host", "h" + i);
        // at h1, 12 entries: bob's group, updated longest ago, is closed though its correlation has no other
        assertThat(c.evicted()).isEqualTo(1);
        assertThat(c.entries()).isEqualTo(8);
    }
}
