package org.exhunt.sigma.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.exhunt.sigma.yaml.YamlTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Correlation documents: the specification's examples read as written, and what is refused. */
class CorrelationParserTest {

    private static SigmaCorrelation parse(String text) throws Exception {
        return CorrelationParser.parse("c.yml", YamlTree.parseAll("c.yml", text).get(0));
    }

    @Test
    void eventCountExampleOfTheSpecification() throws Exception {
        SigmaCorrelation c = parse("""
                title: Many failed logins
                id: 0e95725d-7320-415d-80f7-004da920fc11
                correlation:
                    type: event_count
                    rules:
                        - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    group-by:
                        - ComputerName
                    timespan: 1h
                    condition:
                        gte: 100
                """);
        assertThat(c.type()).isEqualTo(SigmaCorrelation.Type.EVENT_COUNT);
        assertThat(c.rules()).containsExactly("5638f7c0-ac70-491d-8465-2a65075e0d86");
        assertThat(c.groupBy()).containsExactly("ComputerName");
        assertThat(c.timespan()).isEqualTo(Duration.ofHours(1));
        assertThat(c.condition()).hasToString("gte 100");
        assertThat(c.condition().holds(100)).isTrue();
        assertThat(c.condition().holds(99)).isFalse();
        assertThat(c.generate()).isFalse();
    }

    @Test
    void valueCountExampleOfTheSpecification() throws Exception {
        SigmaCorrelation c = parse("""
                title: Failed login
                id: 0e95725d-7320-415d-80f7-004da920fc12
                correlation:
                    type: value_count
                    rules:
                        - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    group-by:
                        - ComputerName
                        - WorkstationName
                    timespan: 1d
                    condition:
                        field: User
                        gte: 100
                """);
        assertThat(c.field()).isEqualTo("User");
        assertThat(c.timespan()).isEqualTo(Duration.ofDays(1));
        assertThat(c.groupBy()).containsExactly("ComputerName", "WorkstationName");
    }

    @Test
    void aliasesExampleOfTheSpecification() throws Exception {
        SigmaCorrelation c = parse("""
                title: internal error and new connection
                correlation:
                    type: temporal
                    rules:
                        - internal_error
                        - new_network_connection
                    group-by:
                        - internal_ip
                        - remote_ip
                    timespan: 10s
                    aliases:
                        internal_ip:
                            internal_error: destination.ip
                            new_network_connection: source.ip
                        remote_ip:
                            internal_error: source.ip
                            new_network_connection: destination.ip
                """);
        assertThat(c.condition()).isNull();
        assertThat(c.aliases()).isEqualTo(Map.of(
                "internal_ip", Map.of("internal_error", "destination.ip", "new_network_connection", "source.ip"),
                "remote_ip", Map.of("internal_error", "source.ip", "new_network_connection", "destination.ip")));
        assertThat(c.timespan()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aRangeIsBothBounds() throws Exception {
        SigmaCorrelation c = parse("title: t\ncorrelation: {type: event_count, rules: [a], group-by: [x], timespan: 90m, condition: {gt: 100, lte: 200}}\n");
        assertThat(List.of(100.0, 101.0, 200.0, 201.0).stream().map(v -> c.condition().holds(v))).containsExactly(false, true, true, false);
        assertThat(c.condition().lowerBoundsOnly()).isFalse();
        assertThat(c.timespan()).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiterString = " ;; ", textBlock = """
            title: t/correlation: {type: event_sum, rules: [a], timespan: 1h, condition: {gt: 1}}                ;; unknown correlation type 'event_sum'
            title: t/correlation: {type: event_count, rules: [a], timespan: 1 hour, condition: {gt: 1}}          ;; timespan '1 hour' is not a number
            title: t/correlation: {type: event_count, rules: [a], timespan: 1w, condition: {gt: 1}}              ;; timespan '1w' is not a number
            title: t/correlation: {type: event_count, rules: [a], timespan: 1h}                                  ;; event_count needs a 'condition'
            title: t/correlation: {type: value_count, rules: [a], timespan: 1h, condition: {gt: 1}}              ;; value_count needs 'field'
            title: t/correlation: {type: event_count, rules: [], timespan: 1h, condition: {gt: 1}}               ;; names no 'rules'
            title: t/correlation: {type: event_count, rules: [a], timespan: 1h, condition: {more: 1}}            ;; unknown condition 'more'
            title: t/correlation: {type: event_count, rules: [a], condition: {gt: 1}}                            ;; has no 'timespan'
            correlation: {type: event_count, rules: [a], timespan: 1h, condition: {gt: 1}}                       ;; has no 'title'
            """)
    void refuses(String text, String message) {
        assertThatThrownBy(() -> parse(text.replace("/", "\n")))
                .isInstanceOf(RuleException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((RuleException) e).code()).isEqualTo(RuleException.CORRELATION));
    }
}
